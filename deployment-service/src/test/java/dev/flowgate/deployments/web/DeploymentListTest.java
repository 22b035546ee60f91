package dev.flowgate.deployments.web;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Lists and usage read every deployment of an owner: they must not read the pinned flows,
 * which a page of the largest would make some 100 MB.
 */
@IntegrationTest
class DeploymentListTest {

	private static final String LARGE_FLOW = LargeFlows.TEMPLATE_OF_200_KB;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MongoTemplate mongo;

	private ApiClient api;

	private String flowId;

	@BeforeEach
	void ownerWithALargeFlow() {
		this.api = ApiClient.forNewOwner(this.mvc);
		this.flowId = this.api.post("/v1/flows", LARGE_FLOW).text("id");
	}

	@Test
	void listsDeploymentsOfLargeFlowsWithTheirInputsWithoutReadingTheFlows() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < IntegrationTest.DEPLOYMENTS_PER_OWNER; i++) {
			ids.add(deploy());
		}
		// A flow no longer readable: a list that read one would fail.
		ids.forEach((id) -> storedFlowJson(id, "not JSON"));

		ApiClient.Response list = this.api.get("/v1/deployments");

		assertThat(list.status()).isEqualTo(200);
		JsonNode items = list.json().path("items");
		assertThat(items).hasSize(ids.size());
		assertThat(items).extracting((item) -> item.path("id").asString()).containsExactlyInAnyOrderElementsOf(ids);
		items.forEach((item) -> {
			assertThat(item.path("name").asString()).isEqualTo("Large");
			assertThat(item.path("flowVersion").asInt()).isEqualTo(1);
			assertThat(item.path("inputs")).hasSize(1);
			assertThat(item.path("inputs").get(0).path("nodeId").asString()).isEqualTo("question");
			assertThat(item.path("inputs").get(0).path("type").asString()).isEqualTo("text");
			assertThat(item.path("inputs").get(0).path("required").asBoolean()).isTrue();
			assertThat(item.path("inputs").get(0).path("testValue").asString()).isEqualTo("What is Kafka?");
		});
		assertThat(this.api.get("/v1/usage").status()).isEqualTo(200);
		assertThat(this.api.get("/v1/usage/series").status()).isEqualTo(200);
	}

	@Test
	void listsADeploymentStoredBeforeItsInputsWereKeptWithItsInputsAndKeepsThem() {
		String id = deploy();
		this.mongo.updateFirst(Query.query(where("_id").is(id)), new Update().unset("inputsJson"), "deployments");

		JsonNode items = this.api.get("/v1/deployments").json().path("items");

		assertThat(items).hasSize(1);
		assertThat(items.get(0).path("inputs").get(0).path("name").asString()).isEqualTo("question");
		assertThat(stored(id).getString("inputsJson")).contains("\"nodeId\":\"question\"");
	}

	@Test
	void keepsTheInputsOfTheVersionARedeployPins() {
		String id = deploy();
		String renamed = LARGE_FLOW.replace("\"id\":\"question\"", "\"id\":\"topic\"")
			.replace("\"from\":\"question\"", "\"from\":\"topic\"");
		assertThat(this.api.put("/v1/flows/" + this.flowId, renamed).status()).isEqualTo(200);

		assertThat(this.api.patch("/v1/deployments/" + id, "{\"flowVersion\":2}").status()).isEqualTo(200);

		JsonNode items = this.api.get("/v1/deployments").json().path("items");
		assertThat(items.get(0).path("inputs").get(0).path("nodeId").asString()).isEqualTo("topic");
	}

	private String deploy() {
		String id = this.api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(this.flowId)).text("id");
		// Published first: the publisher reads the flow, as it must.
		await().until(() -> stored(id).get("publishedVersion", Number.class).longValue() == 1);
		return id;
	}

	private void storedFlowJson(String deploymentId, String flowJson) {
		this.mongo.updateFirst(Query.query(where("_id").is(deploymentId)), new Update().set("flowJson", flowJson),
				"deployments");
	}

	private Document stored(String deploymentId) {
		return this.mongo.findOne(Query.query(where("_id").is(deploymentId)), Document.class, "deployments");
	}

}
