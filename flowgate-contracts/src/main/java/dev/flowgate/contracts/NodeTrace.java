package dev.flowgate.contracts;

import java.time.Instant;

/**
 * What one node did in one execution.
 *
 * @param output the node's output, truncated for size, or {@code null}
 */
public record NodeTrace(String nodeId, String nodeType, NodeStatus status, Instant startedAt, long durationMillis,
		Object output, String error, int attempts, TokenUsage tokenUsage) {
}
