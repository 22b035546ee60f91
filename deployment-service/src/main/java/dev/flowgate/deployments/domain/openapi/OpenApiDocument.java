package dev.flowgate.deployments.domain.openapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.flow.FlowInput;
import dev.flowgate.deployments.domain.flow.FlowOutputs;

import static dev.flowgate.deployments.domain.openapi.Json.jsonContent;
import static dev.flowgate.deployments.domain.openapi.Json.object;
import static dev.flowgate.deployments.domain.openapi.Json.ref;

/**
 * An OpenAPI 3.1 description of one deployment: its native and aicuflow-compatible
 * trigger endpoints and the poll endpoint, with request and response schemas from its
 * input and output nodes.
 */
public final class OpenApiDocument {

	private static final String BEARER = "bearerAuth";

	private static final String API_KEY = "apiKeyAuth";

	/** What both trigger endpoints refuse, by status, in their own error shapes. */
	private static final Map<String, Object> TRIGGER_ERRORS = object("400",
			"Malformed body, or inputs that do not match the input nodes (each named)", "401",
			"Missing or invalid API key", "403", "The key lacks scope run, or the deployment is disabled", "404",
			"No such deployment for this key (unknown, another owner's, or outside the key's deployment list)", "406",
			"The Accept header rules out application/json", "413",
			"The body is larger than the limit (1 MiB by default)", "415", "The body is not application/json", "422",
			"The Idempotency-Key was used before with other inputs", "429",
			"A rate or concurrency limit was reached; retry after Retry-After", "503",
			"Flowgate cannot accept triggers right now; retry after Retry-After");

	private OpenApiDocument() {
	}

	public static Map<String, Object> of(Deployment deployment, String publicBase) {
		Map<String, Object> info = object("title", deployment.name(), "version",
				Integer.toString(deployment.flowVersion()), "description",
				"Flowgate deployment %s: flow %s, version %d, %s mode.".formatted(deployment.id(), deployment.flowId(),
						deployment.flowVersion(), deployment.mode().name().toLowerCase(Locale.ROOT)));
		Map<String, Object> paths = object("/v1/deployments/" + deployment.id() + "/executions",
				object("post", nativeTrigger()), "/node/deployment-trigger/" + deployment.id() + "/",
				object("post", aicuflowTrigger()), "/v1/executions/{executionId}", object("get", poll()));
		Map<String, Object> securitySchemes = object(BEARER, object("type", "http", "scheme", "bearer"), API_KEY,
				object("type", "apiKey", "in", "header", "name", "X-API-Key"));
		Map<String, Object> components = object("securitySchemes", securitySchemes, "schemas",
				OpenApiSchemas.all(FlowInput.of(deployment.flow()), FlowOutputs.names(deployment.flow())));
		return object("openapi", "3.1.0", "info", info, "servers", List.of(object("url", publicBase)), "paths", paths,
				"components", components);
	}

	private static Map<String, Object> nativeTrigger() {
		Map<String, Object> responses = object("200",
				response("The finished execution (sync deployments)", ref("Execution")), "202",
				response("Accepted and still running: poll links.self", ref("Execution")));
		TRIGGER_ERRORS.forEach((status, description) -> responses.put(status, problem((String) description)));
		return object("operationId", "runNative", "summary", "Run the deployment (native API)", "security",
				List.of(object(BEARER, List.of())), "requestBody", triggerBody(), "responses", responses);
	}

	private static Map<String, Object> aicuflowTrigger() {
		Map<String, Object> responses = object("200",
				response("The execution's result (data.status tells how the flow ended)", ref("AicuflowResponse")),
				"202", response("Accepted and still running", ref("AicuflowResponse")));
		TRIGGER_ERRORS.forEach((status, description) -> responses.put(status,
				response(description + " ({\"status\":\"error\",\"message\":…})", ref("AicuflowError"))));
		return object("operationId", "runAicuflow", "summary", "Run the deployment (aicuflow-compatible API)",
				"security", List.of(object(API_KEY, List.of())), "requestBody", triggerBody(), "responses", responses);
	}

	private static Map<String, Object> poll() {
		Map<String, Object> parameter = object("name", "executionId", "in", "path", "required", true, "schema",
				object("type", "string"));
		return object("operationId", "getExecution", "summary", "Read an execution (poll until it has finished)",
				"security", List.of(object(BEARER, List.of())), "parameters", List.of(parameter), "responses",
				object("200", response("The execution", ref("Execution")), "404", problem("No such execution")));
	}

	private static Map<String, Object> triggerBody() {
		return object("required", true, "content", jsonContent(ref("TriggerRequest")));
	}

	private static Map<String, Object> response(String description, Map<String, Object> schema) {
		return object("description", description, "content", jsonContent(schema));
	}

	private static Map<String, Object> problem(String description) {
		return object("description", description, "content",
				object("application/problem+json", object("schema", ref("Problem"))));
	}

}
