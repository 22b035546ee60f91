package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
import java.util.List;

import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.contracts.TokenUsage;

/** How an execution ended; known once its completion was recorded. */
public record Outcome(Payload outputs, ExecutionError error, List<NodeTrace> trace, Instant finishedAt,
		long durationMillis, TokenUsage tokenUsage) {

	public Outcome {
		trace = List.copyOf(trace);
	}

}
