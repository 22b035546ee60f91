package dev.flowgate.gateway.web.trigger;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.gateway.domain.trigger.ExecutionSnapshot;

/**
 * FluxPrompt's answer:
 * {@code {"success":true,"executionId","status","output","durationSeconds"}}, plus
 * {@code error} when the flow failed.
 */
record FluxResponse(boolean success, String executionId, ExecutionStatus status, Map<String, Object> output,
		Double durationSeconds, @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

	static FluxResponse of(ExecutionSnapshot execution) {
		return new FluxResponse(true, execution.executionId(), execution.status(), execution.outputs(),
				execution.durationSeconds(), (execution.error() != null) ? execution.error().message() : null);
	}

	/** FluxPrompt's error shape: {@code {"success":false,"error":...}}. */
	record Error(boolean success, String error) {

		static Error of(String message) {
			return new Error(false, message);
		}

	}

}
