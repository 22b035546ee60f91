package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.NodeStatus;
import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.contracts.TriggerSource;

/**
 * The three events of one execution, as the gateway and a runner send them: requested at
 * {@code requestedAt}, started 7 ms later, the llm node using 12 + 5 tokens.
 */
public record ExecutionEvents(String executionId, String ownerId, String deploymentId, Instant requestedAt,
		String keyId) {

	/** Recent, so no retention sweep removes the records while a test reads them. */
	public static final Instant REQUESTED_AT = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);

	public static ExecutionEvents of(String executionId, String ownerId, String deploymentId) {
		return new ExecutionEvents(executionId, ownerId, deploymentId, REQUESTED_AT, "key-1");
	}

	public ExecutionEvents at(Instant time) {
		return new ExecutionEvents(this.executionId, this.ownerId, this.deploymentId, time, this.keyId);
	}

	/** Triggered with the API key {@code keyId} rather than {@code key-1}. */
	public ExecutionEvents by(String keyId) {
		return new ExecutionEvents(this.executionId, this.ownerId, this.deploymentId, this.requestedAt, keyId);
	}

	public ExecutionRequested requested(Map<String, Object> inputs) {
		return requested(inputs, null);
	}

	/** A call that named its own callback URL ({@code callback_url}). */
	public ExecutionRequested requested(Map<String, Object> inputs, String callbackUrl) {
		return new ExecutionRequested(UUID.randomUUID(), 1, this.requestedAt, this.executionId, this.ownerId,
				this.deploymentId, 1, this.keyId, TriggerSource.AICUFLOW, DeploymentMode.SYNC, inputs, "gw-1",
				this.requestedAt.plusSeconds(30), callbackUrl, null, "order-4711",
				"sha256:" + Integer.toHexString(inputs.hashCode()));
	}

	public ExecutionStarted started() {
		return new ExecutionStarted(UUID.randomUUID(), 1, this.requestedAt.plusMillis(7), this.executionId,
				this.ownerId, this.deploymentId, 2, "runner-1");
	}

	public ExecutionCompleted completed(ExecutionStatus status, long durationMillis) {
		Instant started = this.requestedAt.plusMillis(8);
		ExecutionError error = switch (status) {
			case SUCCEEDED -> null;
			case CANCELLED -> new ExecutionError(null, "cancelled", "Cancelled at the owner's request");
			default -> new ExecutionError("ask", "node_failed", "HTTP 500 from the model");
		};
		NodeStatus askStatus = (status == ExecutionStatus.SUCCEEDED) ? NodeStatus.SUCCEEDED : NodeStatus.FAILED;
		TokenUsage tokens = new TokenUsage(12, 5);
		List<NodeTrace> trace = List.of(
				new NodeTrace("question", "input", NodeStatus.SUCCEEDED, started, 0, "What is Kafka?", null, 1,
						TokenUsage.NONE),
				new NodeTrace("ask", "llm", askStatus, started.plusMillis(1), durationMillis - 1,
						Map.of("text", "A log."), (error != null) ? error.message() : null, 2, tokens));
		Map<String, Object> outputs = (error == null) ? Map.of("answer", "A log.") : Map.of();
		return new ExecutionCompleted(UUID.randomUUID(), 1, started.plusMillis(durationMillis), this.executionId,
				this.ownerId, this.deploymentId, 2, status, outputs, error, trace, started,
				started.plusMillis(durationMillis), durationMillis, tokens, "gw-1", DeliveryTarget.NONE, null, null,
				null);
	}

}
