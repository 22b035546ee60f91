package dev.flowgate.runner.domain.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.contracts.TokenUsage;

/**
 * How a run ended.
 *
 * @param outputs the output nodes' values by name; empty unless it succeeded
 * @param error why it did not succeed, otherwise {@code null}
 * @param trace one entry per node that started or was skipped, in that order
 */
public record FlowOutcome(ExecutionStatus status, Map<String, Object> outputs, ExecutionError error,
		List<NodeTrace> trace, TokenUsage tokenUsage, Instant startedAt, Instant finishedAt) {

	public long durationMillis() {
		return Duration.between(this.startedAt, this.finishedAt).toMillis();
	}

}
