package dev.flowgate.contracts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one result of an accepted trigger. Key: {@code executionId}.
 *
 * @param flowVersion the flow version that actually ran
 * @param error why it failed, or {@code null} when it succeeded
 * @param trace one entry per node that started, in start order
 * @param replyTo copied from the trigger, so the waiting gateway can answer
 * @param delivery where the result must be delivered, resolved by the runner
 * @param runnerId the runner that ran it (also in {@code ExecutionStarted}, which only
 * executions that run for a while have); {@code null} from runners before it was added
 * @param deploymentName the deployment's name when it ran, for people reading the result
 * (emails); {@code null} when the deployment was unknown, and from runners before it was
 * added
 * @param cancelRequestedAt when the owner asked to cancel it, for a {@code cancelled}
 * execution; else, and from runners before it was added, {@code null}
 */
public record ExecutionCompleted(UUID eventId, int schemaVersion, Instant occurredAt, String executionId,
		String ownerId, String deploymentId, int flowVersion, ExecutionStatus status, Map<String, Object> outputs,
		ExecutionError error, List<NodeTrace> trace, Instant startedAt, Instant finishedAt, long durationMillis,
		TokenUsage tokenUsage, String replyTo, DeliveryTarget delivery, String runnerId, String deploymentName,
		Instant cancelRequestedAt) implements FlowgateEvent {

	public static final String TYPE = "execution.completed";

	public static final int SCHEMA_VERSION = 1;

	public ExecutionCompleted {
		outputs = (outputs != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(outputs)) : Map.of();
		trace = (trace != null) ? List.copyOf(trace) : List.of();
		tokenUsage = (tokenUsage != null) ? tokenUsage : TokenUsage.NONE;
		delivery = (delivery != null) ? delivery : DeliveryTarget.NONE;
	}

	@Override
	public String subjectId() {
		return this.executionId;
	}

	public double durationSeconds() {
		return this.durationMillis / 1000.0;
	}

	/** This result, stating when the owner asked to cancel the execution. */
	public ExecutionCompleted withCancelRequestedAt(Instant requestedAt) {
		return new ExecutionCompleted(this.eventId, this.schemaVersion, this.occurredAt, this.executionId, this.ownerId,
				this.deploymentId, this.flowVersion, this.status, this.outputs, this.error, this.trace, this.startedAt,
				this.finishedAt, this.durationMillis, this.tokenUsage, this.replyTo, this.delivery, this.runnerId,
				this.deploymentName, requestedAt);
	}

}
