package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
import java.util.List;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.NodeTrace;

/**
 * Folds an execution event into its record. The result does not depend on the order or
 * repetition of events: times take the earliest value, status only moves forward (queued,
 * running, then a terminal one, and the first terminal one stays), and each event fills
 * only its own part. {@code createdAt} is the trigger's time once the trigger is
 * recorded, and moves no more: an hour's usage, summed from it, stays right (before, the
 * runner's times stand in, the earliest of them). Of two triggers of one execution (a
 * retry whose first send landed after all, or two gateway replicas given one idempotency
 * key) the first recorded wins whole and a later one changes nothing: both are on the
 * execution's partition, so that order is Kafka's, and the runner runs that first one
 * too. The owner's cancel request is none of theirs: every event keeps it.
 */
public final class ExecutionMerge {

	private final PayloadLimit limit;

	public ExecutionMerge(PayloadLimit limit) {
		this.limit = limit;
	}

	/**
	 * @param current the record so far, or {@code null} for the first event
	 */
	public ExecutionRecord apply(ExecutionRecord current, FlowgateEvent event) {
		ExecutionRecord base = (current != null) ? current : ExecutionRecord.empty(event.subjectId());
		if (event instanceof ExecutionRequested requested) {
			return requested(base, requested);
		}
		if (event instanceof ExecutionStarted started) {
			return started(base, started);
		}
		if (event instanceof ExecutionCompleted completed) {
			return completed(base, completed);
		}
		throw new IllegalArgumentException("Not an execution event: " + event.getClass().getSimpleName());
	}

	private ExecutionRecord requested(ExecutionRecord base, ExecutionRequested event) {
		if (base.trigger() != null) {
			return base;
		}
		Trigger trigger = new Trigger(event.source(), event.mode(), event.keyId(), event.replayOf(),
				event.idempotencyKey(), event.inputsDigest(), this.limit.cap(event.inputs()), event.deadline(),
				event.callbackUrl());
		Integer flowVersion = base.flowVersionConfirmed() ? base.flowVersion() : Integer.valueOf(event.flowVersion());
		return new ExecutionRecord(base.id(), event.ownerId(), event.deploymentId(), flowVersion,
				base.flowVersionConfirmed(), advance(base.status(), ExecutionStatus.QUEUED), trigger, base.outcome(),
				event.occurredAt(), base.startedAt(), base.cancelRequestedAt());
	}

	private ExecutionRecord started(ExecutionRecord base, ExecutionStarted event) {
		return new ExecutionRecord(base.id(), event.ownerId(), event.deploymentId(), event.flowVersion(), true,
				advance(base.status(), ExecutionStatus.RUNNING), base.trigger(), base.outcome(),
				createdAt(base, event.occurredAt()), earliest(base.startedAt(), event.occurredAt()),
				base.cancelRequestedAt());
	}

	private ExecutionRecord completed(ExecutionRecord base, ExecutionCompleted event) {
		if (base.outcome() != null) {
			return base;
		}
		List<NodeTrace> trace = event.trace()
			.stream()
			.map((node) -> new NodeTrace(node.nodeId(), node.nodeType(), node.status(), node.startedAt(),
					node.durationMillis(), this.limit.cap(node.output()), node.error(), node.attempts(),
					node.tokenUsage()))
			.toList();
		Outcome outcome = new Outcome(this.limit.cap(event.outputs()), event.error(), trace, event.finishedAt(),
				event.durationMillis(), event.tokenUsage());
		return new ExecutionRecord(base.id(), event.ownerId(), event.deploymentId(), event.flowVersion(), true,
				advance(base.status(), event.status()), base.trigger(), outcome,
				createdAt(base, earliest(event.startedAt(), event.occurredAt())),
				earliest(base.startedAt(), event.startedAt()), base.cancelRequestedAt());
	}

	/** The trigger's time once recorded, else the earliest time seen. */
	private static Instant createdAt(ExecutionRecord base, Instant seen) {
		return (base.trigger() != null) ? base.createdAt() : earliest(base.createdAt(), seen);
	}

	private static ExecutionStatus advance(ExecutionStatus current, ExecutionStatus next) {
		return (current == null || rank(next) > rank(current)) ? next : current;
	}

	private static int rank(ExecutionStatus status) {
		if (status.isFinished()) {
			return 2;
		}
		return (status == ExecutionStatus.RUNNING) ? 1 : 0;
	}

	private static Instant earliest(Instant current, Instant candidate) {
		if (current == null) {
			return candidate;
		}
		return (candidate == null || current.isBefore(candidate)) ? current : candidate;
	}

}
