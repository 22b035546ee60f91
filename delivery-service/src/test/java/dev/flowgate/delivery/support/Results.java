package dev.flowgate.delivery.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TokenUsage;

/** Execution results as the runner publishes them. */
public final class Results {

	private Results() {
	}

	public static String newExecutionId() {
		return "exec-" + UUID.randomUUID();
	}

	public static ExecutionCompleted succeeded(String ownerId, String deploymentId, String callbackUrl, String email,
			Map<String, Object> outputs) {
		return result(newExecutionId(), ownerId, deploymentId, ExecutionStatus.SUCCEEDED, outputs, null,
				new DeliveryTarget(callbackUrl, email, false));
	}

	public static ExecutionCompleted failed(String ownerId, String deploymentId, String callbackUrl, String email,
			ExecutionError error) {
		return result(newExecutionId(), ownerId, deploymentId, ExecutionStatus.FAILED, Map.of(), error,
				new DeliveryTarget(callbackUrl, email, false));
	}

	/** The deployment name every result here carries. */
	public static final String NAME = "answers";

	public static ExecutionCompleted result(String executionId, String ownerId, String deploymentId,
			ExecutionStatus status, Map<String, Object> outputs, ExecutionError error, DeliveryTarget delivery) {
		Instant finished = Instant.now();
		Instant started = finished.minusMillis(1250);
		return new ExecutionCompleted(UUID.randomUUID(), ExecutionCompleted.SCHEMA_VERSION, finished, executionId,
				ownerId, deploymentId, 1, status, outputs, error, List.of(), started, finished, 1250, TokenUsage.NONE,
				null, delivery, null, NAME, null);
	}

}
