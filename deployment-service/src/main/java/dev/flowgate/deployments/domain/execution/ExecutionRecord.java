package dev.flowgate.deployments.domain.execution;

import java.time.Instant;

import dev.flowgate.contracts.ExecutionStatus;

/**
 * Everything known about one execution, merged from its events in whatever order they
 * arrive.
 *
 * @param flowVersion the version that ran, or until a runner reported, the one requested
 * @param flowVersionConfirmed whether a runner reported {@code flowVersion}
 * @param trigger {@code null} until the request was recorded
 * @param outcome {@code null} until the completion was recorded
 * @param createdAt the earliest event time seen, normally the request's
 */
public record ExecutionRecord(String id, String ownerId, String deploymentId, Integer flowVersion,
		boolean flowVersionConfirmed, ExecutionStatus status, Trigger trigger, Outcome outcome, Instant createdAt,
		Instant startedAt) {

	static ExecutionRecord empty(String id) {
		return new ExecutionRecord(id, null, null, null, false, null, null, null, null, null);
	}

	/** Whether the inputs are complete, so the execution can run again. */
	public boolean isReplayable() {
		return this.trigger != null && !this.trigger.inputs().truncated();
	}

}
