package dev.flowgate.deployments.domain.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.deployments.domain.flow.FlowInput;

import static dev.flowgate.deployments.domain.openapi.Json.object;
import static dev.flowgate.deployments.domain.openapi.Json.ref;

/** The JSON Schemas of one deployment's requests and responses. */
final class OpenApiSchemas {

	private static final Map<String, Object> STRING = object("type", "string");

	private static final Map<String, Object> NULLABLE_STRING = object("type", List.of("string", "null"));

	private static final Map<String, Object> NULLABLE_TIME = object("type", List.of("string", "null"), "format",
			"date-time");

	private OpenApiSchemas() {
	}

	static Map<String, Object> all(List<FlowInput> inputs, List<String> outputNames) {
		return object("Inputs", inputs(inputs), "TriggerRequest", triggerRequest(inputs), "Outputs",
				outputs(outputNames), "Execution", execution(), "AicuflowResponse", aicuflowResponse(), "AicuflowError",
				aicuflowError(), "Problem", problem());
	}

	private static Map<String, Object> inputs(List<FlowInput> inputs) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (FlowInput input : inputs) {
			Map<String, Object> schema = typeOf(input);
			schema.put("description", "Input node '%s'".formatted(input.nodeId()));
			if (input.testValue() != null) {
				schema.put("examples", List.of(input.testValue()));
			}
			properties.put(input.name(), schema);
		}
		List<String> required = inputs.stream().filter(FlowInput::required).map(FlowInput::name).toList();
		return object("type", "object", "properties", properties, "required", required);
	}

	private static Map<String, Object> typeOf(FlowInput input) {
		return switch (input.type()) {
			case TEXT -> object("type", "string");
			case NUMBER -> object("type", "number");
			case BOOLEAN -> object("type", "boolean");
			case JSON -> object("title", "Any JSON value");
			case FILE_URL -> object("type", "string", "format", "uri");
		};
	}

	private static Map<String, Object> triggerRequest(List<FlowInput> inputs) {
		List<String> required = inputs.stream().anyMatch(FlowInput::required) ? List.of("input_data") : List.of();
		return object("type", "object", "properties", object("input_data", ref("Inputs")), "required", required);
	}

	private static Map<String, Object> outputs(List<String> names) {
		Map<String, Object> properties = new LinkedHashMap<>();
		names.forEach((name) -> properties.put(name, object("description", "Output node '%s'".formatted(name))));
		return object("type", "object", "properties", properties);
	}

	private static Map<String, Object> execution() {
		Map<String, Object> status = object("type", "string", "enum",
				List.of("queued", "running", "succeeded", "failed", "timed_out", "cancelled"));
		Map<String, Object> error = object("type", List.of("object", "null"), "properties",
				object("node_id", NULLABLE_STRING, "code", STRING, "message", STRING));
		Map<String, Object> traceEntry = object("type", "object", "properties",
				object("node_id", STRING, "node_type", STRING, "status", STRING, "started_at", NULLABLE_TIME,
						"duration_ms", object("type", "integer"), "output", object(), "error", NULLABLE_STRING,
						"attempts", object("type", "integer"), "tokens", object("type", "object", "properties",
								object("prompt", object("type", "integer"), "completion", object("type", "integer")))));
		Map<String, Object> properties = object("id", STRING, "deployment_id", STRING, "flow_version",
				object("type", "integer"), "status", status, "input_data", ref("Inputs"), "output_data",
				object("anyOf", List.of(ref("Outputs"), object("type", "null"))), "error", error, "trace",
				object("type", "array", "items", traceEntry), "duration_seconds",
				object("type", List.of("number", "null")), "source", STRING, "key_id", NULLABLE_STRING, "replay_of",
				NULLABLE_STRING, "created_at", NULLABLE_TIME, "started_at", NULLABLE_TIME, "finished_at", NULLABLE_TIME,
				"cancel_requested_at", NULLABLE_TIME, "links",
				object("type", "object", "properties", object("self", STRING, "deployment", STRING)));
		return object("type", "object", "properties", properties, "required", List.of("id", "status", "links"));
	}

	private static Map<String, Object> aicuflowResponse() {
		Map<String, Object> data = object("type", "object", "properties",
				object("status", STRING, "output_data",
						object("anyOf", List.of(ref("Outputs"), object("type", "null"))), "duration_seconds",
						object("type", List.of("number", "null")), "execution_id", STRING));
		return object("type", "object", "properties", object("status", object("const", "success"), "data", data));
	}

	private static Map<String, Object> aicuflowError() {
		return object("type", "object", "properties", object("status", object("const", "error"), "message", STRING),
				"required", List.of("status", "message"));
	}

	private static Map<String, Object> problem() {
		return object("type", "object", "description", "RFC 9457 problem details", "properties", object("type", STRING,
				"title", STRING, "status", object("type", "integer"), "detail", STRING, "errors", invalidFields()));
	}

	/** What a 400 about the body lists: each member at fault ("" for the whole body). */
	private static Map<String, Object> invalidFields() {
		return object("type", "array", "description",
				"Every member at fault, by its JSON path (input_data.<name>, callback_url); \"\" for the body as a whole",
				"items", object("type", "object", "properties", object("field", STRING, "message", STRING), "required",
						List.of("field", "message")));
	}

}
