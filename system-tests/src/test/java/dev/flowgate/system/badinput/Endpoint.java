package dev.flowgate.system.badinput;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.system.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three trigger APIs: where they live, how they take the key and the inputs, and how
 * they say no (see api-gateway-service/README.md).
 */
enum Endpoint {

	/** RFC 9457 problem details. */
	NATIVE("Authorization") {

		@Override
		String path(String deploymentId) {
			return "/v1/deployments/" + deploymentId + "/executions";
		}

		@Override
		String keyHeaderValue(String key) {
			return "Bearer " + key;
		}

		@Override
		void assertRefusal(Api.Response response, int status, String detail) {
			assertThat(response.contentType()).startsWith("application/problem+json");
			JsonNode problem = response.json();
			assertThat(problem.at("/status").asInt()).isEqualTo(status);
			assertThat(problem.at("/title").asString()).isNotBlank();
			assertThat(problem.at("/detail").asString()).contains(detail);
		}

	},

	/** aicuflow: {@code {"status":"error","message":…}}. */
	AICUFLOW("X-API-Key") {

		@Override
		String path(String deploymentId) {
			return "/node/deployment-trigger/" + deploymentId + "/";
		}

		@Override
		void assertRefusal(Api.Response response, int status, String detail) {
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(response.text("/status")).isEqualTo("error");
			assertThat(response.text("/message")).contains(detail);
		}

	},

	/** FluxPrompt: {@code {"success":false,"error":…}}; inputs by id, as text. */
	FLUX("api-key") {

		@Override
		String path(String deploymentId) {
			return "/flux/api-v2?flowId=" + deploymentId;
		}

		@Override
		Object body(Map<String, Object> inputs) {
			List<Map<String, Object>> variableInputs = inputs.entrySet()
				.stream()
				.map((input) -> Map.<String, Object>of("inputId", input.getKey(), "inputText",
						String.valueOf(input.getValue())))
				.toList();
			return Map.of("variableInputs", variableInputs);
		}

		@Override
		void assertRefusal(Api.Response response, int status, String detail) {
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(response.json().at("/success").asBoolean(true)).isFalse();
			assertThat(response.text("/error")).contains(detail);
		}

	};

	private final String keyHeader;

	Endpoint(String keyHeader) {
		this.keyHeader = keyHeader;
	}

	abstract String path(String deploymentId);

	/** Checks the error shape of a refusal; the status line is checked by the caller. */
	abstract void assertRefusal(Api.Response response, int status, String detail);

	String keyHeaderValue(String key) {
		return key;
	}

	/** The request body carrying these inputs. */
	Object body(Map<String, Object> inputs) {
		return Map.of("input_data", inputs);
	}

	/**
	 * Sends the call with an {@code Idempotency-Key}, which the trigger event carries.
	 */
	Api.Response send(Api api, Call call, String idempotencyKey) {
		Map<String, String> headers = new HashMap<>();
		headers.put("Idempotency-Key", idempotencyKey);
		if (call.key() != null) {
			headers.put(this.keyHeader, keyHeaderValue(call.key()));
		}
		byte[] body = (call.rawBody() != null) ? call.rawBody().getBytes(StandardCharsets.UTF_8)
				: Api.JSON.writeValueAsBytes(body(call.inputs()));
		return api.postRaw(path(call.deploymentId()), headers, call.contentType(), body);
	}

	/**
	 * One trigger call.
	 *
	 * @param key the API key, or {@code null} for none
	 * @param rawBody sent as is instead of the inputs when not {@code null}
	 */
	record Call(String deploymentId, String key, String contentType, Map<String, Object> inputs, String rawBody) {

		static Call of(String deploymentId, String key, Map<String, Object> inputs) {
			return new Call(deploymentId, key, "application/json", inputs, null);
		}

		Call withContentType(String type) {
			return new Call(this.deploymentId, this.key, type, this.inputs, this.rawBody);
		}

		Call withRawBody(String body) {
			return new Call(this.deploymentId, this.key, this.contentType, this.inputs, body);
		}

		Call withDeployment(String id) {
			return new Call(id, this.key, this.contentType, this.inputs, this.rawBody);
		}

		Call withKey(String apiKey) {
			return new Call(this.deploymentId, apiKey, this.contentType, this.inputs, this.rawBody);
		}

		Call withInputs(Map<String, Object> values) {
			return new Call(this.deploymentId, this.key, this.contentType, values, this.rawBody);
		}

	}

}
