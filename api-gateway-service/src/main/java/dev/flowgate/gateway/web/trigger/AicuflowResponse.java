package dev.flowgate.gateway.web.trigger;

import java.util.Map;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.gateway.domain.trigger.ExecutionSnapshot;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * aicuflow's deployment-trigger answer:
 * {@code {"status":"success","data":{"status","output_data","duration_seconds","execution_id"}}}.
 * A failed flow is still a successful call; {@code data.status} says how the flow ended.
 */
record AicuflowResponse(String status, Data data) {

	static AicuflowResponse of(ExecutionSnapshot execution) {
		return new AicuflowResponse("success",
				new Data(execution.status(), execution.outputs(), execution.durationSeconds(), execution.executionId(),
						ExecutionResource.ErrorBody.of(execution.error())));
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Data(ExecutionStatus status, Map<String, Object> outputData, Double durationSeconds, String executionId,
			ExecutionResource.ErrorBody error) {
	}

	/** aicuflow's error shape: {@code {"status":"error","message":...}}. */
	record Error(String status, String message) {

		static Error of(String message) {
			return new Error("error", message);
		}

	}

}
