package dev.flowgate.delivery.domain.callback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;

/** The JSON body of a result callback, in the documented snake_case shape. */
final class CallbackPayload {

	static final String TYPE = "execution.completed";

	private CallbackPayload() {
	}

	static Map<String, Object> of(ExecutionCompleted result) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", TYPE);
		payload.put("execution_id", result.executionId());
		payload.put("deployment_id", result.deploymentId());
		payload.put("deployment_name", result.deploymentName());
		payload.put("status", result.status().name().toLowerCase(Locale.ROOT));
		payload.put("output_data", result.outputs());
		payload.put("error", error(result.error()));
		payload.put("duration_seconds", result.durationSeconds());
		payload.put("started_at", text(result.startedAt()));
		payload.put("finished_at", text(result.finishedAt()));
		payload.put("cancel_requested_at", text(result.cancelRequestedAt()));
		payload.put("timestamp", text(result.occurredAt()));
		return payload;
	}

	private static Map<String, Object> error(ExecutionError error) {
		if (error == null) {
			return null;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("node_id", error.nodeId());
		fields.put("code", error.code());
		fields.put("message", error.message());
		return fields;
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
