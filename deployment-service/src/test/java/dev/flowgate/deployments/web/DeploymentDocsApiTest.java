package dev.flowgate.deployments.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.ApiClient.Response;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.SampleFlows;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DeploymentDocsApiTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	private ApiClient api;

	private String deploymentId;

	@BeforeEach
	void deployment() {
		this.api = ApiClient.forNewOwner(this.mvc);
		String flowId = this.api.post("/v1/flows", SampleFlows.TYPED_INPUTS).text("id");
		this.deploymentId = this.api.post("/v1/deployments", "{\"flowId\":\"%s\",\"name\":\"typed\"}".formatted(flowId))
			.text("id");
	}

	@Test
	void servesExamplesForEveryLanguageAndEndpoint() {
		Response response = this.api.get("/v1/deployments/" + this.deploymentId + "/examples");

		assertThat(response.status()).isEqualTo(200);
		JsonNode examples = response.json();
		assertThat(examples.propertyNames()).containsExactly("curl", "python", "javascript", "java");
		for (String language : List.of("curl", "python", "javascript", "java")) {
			JsonNode code = examples.path(language);
			assertThat(code.propertyNames()).containsExactly("native", "aicuflow", "fluxprompt");
			assertThat(code.path("native").asString())
				.contains(IntegrationTest.PUBLIC_URL + "/v1/deployments/" + this.deploymentId + "/executions");
			assertThat(code.path("aicuflow").asString())
				.contains(IntegrationTest.PUBLIC_URL + "/node/deployment-trigger/" + this.deploymentId + "/");
			assertThat(code.path("fluxprompt").asString())
				.contains(IntegrationTest.PUBLIC_URL + "/flux/api-v2?flowId=" + this.deploymentId);
		}
		assertThat(examples.path("curl").path("aicuflow").asString()).contains("-H \"X-API-Key: $FLOWGATE_API_KEY\"",
				"\"count\": 3");
		assertThat(examples.path("python").path("aicuflow").asString())
			.contains("API_KEY = os.environ[\"FLOWGATE_API_KEY\"]", "\"flag\": True", "return result[\"data\"]");
		assertThat(examples.path("javascript").path("fluxprompt").asString()).contains("\"inputId\": \"count\"",
				"\"inputText\": \"3\"");
	}

	@Test
	void servesAnOpenApiDocumentMatchingTheInputs() {
		Response response = this.api.get("/v1/deployments/" + this.deploymentId + "/openapi.json");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode document = response.json();
		assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
		assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo(IntegrationTest.PUBLIC_URL);
		assertThat(document.path("paths").has("/node/deployment-trigger/" + this.deploymentId + "/")).isTrue();
		JsonNode inputs = document.path("components").path("schemas").path("Inputs");
		assertThat(inputs.path("properties").propertyNames()).containsExactly("title", "count", "flag", "data", "doc");
		assertThat(inputs.path("properties").path("count").path("type").asString()).isEqualTo("number");
		assertThat(inputs.path("required").valueStream().map(JsonNode::asString)).containsExactly("title", "count");
		assertThat(document.path("components").path("schemas").path("Outputs").path("properties").propertyNames())
			.containsExactly("summary", "count_back");
	}

	@Test
	void describesEveryFieldAnExecutionHas() {
		new EventSender(this.kafka).sendExecution(this.api.ownerId(), this.deploymentId, Instant.now(),
				ExecutionStatus.SUCCEEDED, 20);
		JsonNode execution = this.api.get("/v1/deployments/" + this.deploymentId + "/executions")
			.json()
			.path("items")
			.get(0);

		JsonNode schema = this.api.get("/v1/deployments/" + this.deploymentId + "/openapi.json")
			.json()
			.path("components")
			.path("schemas")
			.path("Execution");

		assertThat(schema.path("properties").propertyNames()).containsExactlyElementsOf(execution.propertyNames());
	}

	@Test
	void hidesAnotherOwnersDeployment() {
		ApiClient stranger = this.api.asAnotherOwner();

		assertThat(stranger.get("/v1/deployments/" + this.deploymentId + "/examples").status()).isEqualTo(404);
		assertThat(stranger.get("/v1/deployments/" + this.deploymentId + "/openapi.json").status()).isEqualTo(404);
	}

}
