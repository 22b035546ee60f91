package dev.flowgate.deployments.domain.usage;

import java.time.Instant;

import dev.flowgate.contracts.ExecutionStatus;

/**
 * What usage needs of one execution.
 *
 * @param durationMillis {@code null} until the execution finished
 */
public record UsageSample(Instant createdAt, ExecutionStatus status, Long durationMillis, long promptTokens,
		long completionTokens) {
}
