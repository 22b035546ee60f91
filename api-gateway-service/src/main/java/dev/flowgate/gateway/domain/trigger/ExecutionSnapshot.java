package dev.flowgate.gateway.domain.trigger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.contracts.TriggerSource;

/**
 * An execution as a trigger answers it: queued, running, or finished with its result.
 *
 * @param durationSeconds how long it ran, or {@code null} while it has not finished
 * @param keyId the API key it was triggered with
 * @param replayOf the execution this one replays, or {@code null}
 * @param cancelRequestedAt when the owner asked to cancel it; from the events, only for a
 * {@code cancelled} execution
 */
public record ExecutionSnapshot(String executionId, String deploymentId, int flowVersion, ExecutionStatus status,
		Map<String, Object> inputs, Map<String, Object> outputs, ExecutionError error, List<NodeTrace> trace,
		Double durationSeconds, TriggerSource source, String keyId, String replayOf, Instant createdAt,
		Instant startedAt, Instant finishedAt, Instant cancelRequestedAt) {

	public static ExecutionSnapshot queued(ExecutionRequested trigger) {
		return new ExecutionSnapshot(trigger.executionId(), trigger.deploymentId(), trigger.flowVersion(),
				ExecutionStatus.QUEUED, trigger.inputs(), null, null, List.of(), null, trigger.source(),
				trigger.keyId(), trigger.replayOf(), trigger.occurredAt(), null, null, null);
	}

	/** Started but not finished, as its start notice said. */
	public static ExecutionSnapshot running(ExecutionRequested trigger, Instant startedAt) {
		return new ExecutionSnapshot(trigger.executionId(), trigger.deploymentId(), trigger.flowVersion(),
				ExecutionStatus.RUNNING, trigger.inputs(), null, null, List.of(), null, trigger.source(),
				trigger.keyId(), trigger.replayOf(), trigger.occurredAt(), startedAt, null, null);
	}

	public static ExecutionSnapshot finished(ExecutionRequested trigger, ExecutionCompleted result) {
		return new ExecutionSnapshot(trigger.executionId(), trigger.deploymentId(), result.flowVersion(),
				result.status(), trigger.inputs(), result.outputs(), result.error(), result.trace(),
				result.durationSeconds(), trigger.source(), trigger.keyId(), trigger.replayOf(), trigger.occurredAt(),
				result.startedAt(), result.finishedAt(), result.cancelRequestedAt());
	}

	public boolean finished() {
		return this.status.isFinished();
	}

}
