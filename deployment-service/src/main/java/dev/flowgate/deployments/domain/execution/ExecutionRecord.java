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
 * @param createdAt the (first) trigger's time once it is recorded, before that the
 * earliest time the runner's events gave
 * @param cancelRequestedAt when the owner asked to stop it; {@code null} if never
 */
public record ExecutionRecord(String id, String ownerId, String deploymentId, Integer flowVersion,
		boolean flowVersionConfirmed, ExecutionStatus status, Trigger trigger, Outcome outcome, Instant createdAt,
		Instant startedAt, Instant cancelRequestedAt) {

	static ExecutionRecord empty(String id) {
		return new ExecutionRecord(id, null, null, null, false, null, null, null, null, null, null);
	}

	/** Whether the inputs are complete, so the execution can run again. */
	public boolean isReplayable() {
		return this.trigger != null && !this.trigger.inputs().truncated();
	}

	/** Whether it has reached a terminal status, which no later event changes. */
	public boolean isFinished() {
		return this.status != null && this.status.isFinished();
	}

	ExecutionRecord withCancelRequestedAt(Instant requestedAt) {
		return new ExecutionRecord(this.id, this.ownerId, this.deploymentId, this.flowVersion,
				this.flowVersionConfirmed, this.status, this.trigger, this.outcome, this.createdAt, this.startedAt,
				requestedAt);
	}

}
