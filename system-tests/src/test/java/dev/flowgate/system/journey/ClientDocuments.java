package dev.flowgate.system.journey;

import java.util.Map;

import dev.flowgate.system.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client developer reads before writing a client: the gateway's OpenAPI document,
 * a deployment's own one and its ready-to-run example code.
 */
final class ClientDocuments {

	private ClientDocuments() {
	}

	/** Both forms of the gateway's document, which need no key. */
	static void assertGatewayServesItsDocument(Api api) {
		Api.Response yaml = api.get("/openapi.yaml", Map.of());
		assertThat(yaml.status()).as(yaml.toString()).isEqualTo(200);
		assertThat(yaml.contentType()).startsWith("application/yaml");
		assertThat(yaml.body()).contains("title: Flowgate API");
		Api.Response json = api.get("/openapi.json", Map.of());
		assertThat(json.status()).as(json.toString()).isEqualTo(200);
		assertThat(json.json().at("/paths").has("/v1/deployments/{deploymentId}/executions")).isTrue();
	}

	/**
	 * Code in every language for every trigger, with the deployment's URLs and its
	 * inputs' test values, reading the key from the environment rather than holding one.
	 */
	static void assertExamples(JsonNode examples, String deploymentId, String anyKeySecret) {
		assertThat(examples.propertyNames()).containsExactlyInAnyOrder("curl", "python", "javascript", "java");
		assertThat(examples.at("/curl/native").asString()).contains("/v1/deployments/" + deploymentId + "/executions")
			.contains("$FLOWGATE_API_KEY")
			.contains(WeatherFlow.WARM_CITY)
			.doesNotContain(anyKeySecret);
		assertThat(examples.at("/python/aicuflow").asString()).contains("/node/deployment-trigger/" + deploymentId);
		assertThat(examples.at("/java/fluxprompt").asString()).contains("/flux/api-v2?flowId=" + deploymentId);
	}

	/** The weather flow's inputs and outputs, on the deployment's own trigger path. */
	static void assertWeatherDeploymentDocument(JsonNode document, String deploymentId) {
		assertThat(document.at("/paths").has("/v1/deployments/" + deploymentId + "/executions")).isTrue();
		assertThat(document.at("/components/schemas/Inputs/required").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("question", "city");
		assertThat(document.at("/components/schemas/Outputs/properties").propertyNames())
			.containsExactlyInAnyOrder("answer", "advice", "temperature");
	}

}
