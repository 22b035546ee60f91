package dev.flowgate.deployments.domain.openapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.domain.deployment.Deployment;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode document = JSON
		.readTree(JSON.writeValueAsString(OpenApiDocument.of(deployment(), "https://flowgate.example.com")));

	@Test
	void isAnOpenApi31DocumentForTheDeployment() {
		assertThat(this.document.path("openapi").asString()).isEqualTo("3.1.0");
		assertThat(this.document.path("info").path("title").asString()).isEqualTo("Answers");
		assertThat(this.document.path("info").path("version").asString()).isEqualTo("4");
		assertThat(this.document.path("servers").get(0).path("url").asString())
			.isEqualTo("https://flowgate.example.com");
		assertThat(this.document.path("paths").propertyNames()).containsExactly("/v1/deployments/d-1/executions",
				"/node/deployment-trigger/d-1/", "/v1/executions/{executionId}");
	}

	@Test
	void securesEachEndpointWithItsScheme() {
		JsonNode schemes = this.document.path("components").path("securitySchemes");
		assertThat(schemes.path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
		assertThat(schemes.path("apiKeyAuth").path("in").asString()).isEqualTo("header");
		assertThat(schemes.path("apiKeyAuth").path("name").asString()).isEqualTo("X-API-Key");
		JsonNode paths = this.document.path("paths");
		assertThat(paths.path("/v1/deployments/d-1/executions").path("post").path("security").get(0).has("bearerAuth"))
			.isTrue();
		assertThat(paths.path("/node/deployment-trigger/d-1/").path("post").path("security").get(0).has("apiKeyAuth"))
			.isTrue();
	}

	@Test
	void listsTheStatusesTheTriggersAnswerInTheirOwnErrorShapes() {
		JsonNode paths = this.document.path("paths");
		JsonNode nativeAnswers = paths.path("/v1/deployments/d-1/executions").path("post").path("responses");
		JsonNode aicuflowAnswers = paths.path("/node/deployment-trigger/d-1/").path("post").path("responses");

		List<String> statuses = List.of("200", "202", "400", "401", "403", "404", "406", "413", "415", "422", "429",
				"503");
		assertThat(nativeAnswers.propertyNames()).containsExactlyElementsOf(statuses);
		assertThat(aicuflowAnswers.propertyNames()).containsExactlyElementsOf(statuses);
		assertThat(nativeAnswers.path("400").path("description").asString()).contains("inputs");
		assertThat(nativeAnswers.path("422").path("description").asString()).contains("Idempotency-Key");
		assertThat(aicuflowAnswers.path("400")
			.path("content")
			.path("application/json")
			.path("schema")
			.path("$ref")
			.asString()).isEqualTo("#/components/schemas/AicuflowError");
	}

	@Test
	void describesTheErrorsOfANativeProblemByFieldAndMessage() {
		JsonNode errors = schema("Problem").path("properties").path("errors");

		assertThat(errors.path("type").asString()).isEqualTo("array");
		assertThat(errors.path("items").path("properties").propertyNames()).contains("field", "message");
		assertThat(errors.path("items").path("required").valueStream().map(JsonNode::asString)).containsExactly("field",
				"message");
	}

	@Test
	void describesTheInputsWithJsonSchemaTypes() {
		JsonNode inputs = schema("Inputs");

		assertThat(inputs.path("properties").propertyNames()).containsExactly("question", "count", "flag", "data",
				"doc");
		assertThat(inputs.path("properties").path("question").path("type").asString()).isEqualTo("string");
		assertThat(inputs.path("properties").path("question").path("examples").get(0).asString()).isEqualTo("Why?");
		assertThat(inputs.path("properties").path("count").path("type").asString()).isEqualTo("number");
		assertThat(inputs.path("properties").path("flag").path("type").asString()).isEqualTo("boolean");
		assertThat(inputs.path("properties").path("data").has("type")).isFalse();
		assertThat(inputs.path("properties").path("doc").path("format").asString()).isEqualTo("uri");
		assertThat(inputs.path("required").valueStream().map(JsonNode::asString)).containsExactly("question", "count");
		assertThat(schema("TriggerRequest").path("required").get(0).asString()).isEqualTo("input_data");
	}

	@Test
	void describesTheOutputsInTheResponse() {
		assertThat(schema("Outputs").path("properties").propertyNames()).containsExactly("answer", "sources");
		assertThat(schema("Execution").path("properties").path("output_data").toString())
			.contains("#/components/schemas/Outputs");
	}

	@Test
	void resolvesEveryReference() {
		List<String> references = new ArrayList<>();
		collectReferences(this.document, references);

		assertThat(references).isNotEmpty()
			.allSatisfy(
					(reference) -> assertThat(this.document.at(reference.substring(1)).isMissingNode()).as(reference)
						.isFalse());
	}

	private JsonNode schema(String name) {
		return this.document.path("components").path("schemas").path(name);
	}

	private static void collectReferences(JsonNode node, List<String> references) {
		if (node.has("$ref")) {
			references.add(node.path("$ref").asString());
		}
		node.forEach((child) -> collectReferences(child, references));
	}

	private static Deployment deployment() {
		List<FlowNode> nodes = List.of(input("question", "text", true, "Why?"), input("count", "number", true, null),
				input("flag", "boolean", false, null), input("data", "json", false, null),
				input("doc", "file_url", false, null),
				new FlowNode("o1", "output", Map.of("name", "answer", "value", "{{input.question}}")),
				new FlowNode("o2", "output", Map.of("name", "sources", "value", "{{input.doc}}")));
		List<FlowEdge> edges = List.of(new FlowEdge("question", "o1", null), new FlowEdge("doc", "o2", null));
		Instant now = Instant.now();
		return new Deployment("d-1", "owner-1", "Answers", "flow-1", 4, new FlowDefinition(nodes, edges),
				DeploymentMode.ASYNC, DeploymentEnvironment.TEST, true, 30, DeliveryTarget.NONE, DeploymentLimits.NONE,
				1, now, now);
	}

	private static FlowNode input(String name, String type, boolean required, Object testValue) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("inputType", type);
		config.put("required", required);
		if (testValue != null) {
			config.put("testValue", testValue);
		}
		return new FlowNode(name, "input", config);
	}

}
