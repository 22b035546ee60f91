package dev.flowgate.deployments.web;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;

import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.ApiClient.Response;
import dev.flowgate.deployments.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The flow versions an owner's deployments pin take at most so many bytes together. */
@IntegrationTest
class DeployedFlowBudgetApiTest {

	/** A template of about 200 KB. */
	private static final String LARGE_FLOW = """
			{"name":"Large","nodes":[
			 {"id":"question","type":"input","config":{"name":"question","inputType":"text"}},
			 {"id":"prompt","type":"template","config":{"template":"%s {{input.question}}"}},
			 {"id":"answer","type":"output","config":{"name":"answer","value":"{{prompt.text}}"}}],
			 "edges":[{"from":"question","to":"prompt"},{"from":"prompt","to":"answer"}]}
			""".formatted("x".repeat(200_000));

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MongoTemplate mongo;

	private ApiClient api;

	@BeforeEach
	void ownerWithTwoLargeFlowsDeployed() {
		this.api = ApiClient.forNewOwner(this.mvc);
		assertThat(deploy(largeFlow()).status()).isEqualTo(201);
		assertThat(deploy(largeFlow()).status()).isEqualTo(201);
	}

	@Test
	void refusesADeploymentPastTheOwnersDeployedFlowBudgetAsTheDeploymentLimitIs() {
		Response refused = deploy(largeFlow());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("/problems/limit-reached");
		assertThat(refused.text("detail")).matches("An owner's deployments can pin flow versions of at most "
				+ IntegrationTest.DEPLOYED_FLOW_BYTES_PER_OWNER
				+ " bytes together \\(as JSON, each version once\\); this would bring yours to 60\\d{4} bytes: .*");
		assertThat(this.api.get("/v1/deployments").json().path("items")).hasSize(2);
		assertThat(this.api.asAnotherOwner().deployAnswerFlow()).isNotBlank();
	}

	@Test
	void keepsEachVersionsSizeAndCountsAVersionStoredWithoutIt() {
		String flowId = largeFlow();
		Query version = Query.query(where("flowId").is(flowId));
		assertThat(this.mongo.findOne(version, Document.class, "flow_versions")
			.get("definitionBytes", Number.class)
			.longValue()).isBetween(200_000L, 201_000L);
		this.mongo.updateMulti(Query.query(where("ownerId").is(this.api.ownerId())),
				new Update().unset("definitionBytes"), "flow_versions");

		assertThat(deploy(flowId).status()).isEqualTo(409);
		assertThat(this.mongo.findOne(version, Document.class, "flow_versions").get("definitionBytes"))
			.as("kept once computed")
			.isNotNull();
	}

	@Test
	void refusesARedeployToANewVersionPastTheBudget() {
		String deploymentId = this.api.get("/v1/deployments").json().path("items").get(0).path("id").asString();
		String flowId = this.api.get("/v1/deployments/" + deploymentId).text("flowId");
		assertThat(this.api.put("/v1/flows/" + flowId, LARGE_FLOW).status()).isEqualTo(200);
		Response samePin = this.api.post("/v1/deployments", "{\"flowId\":\"%s\",\"flowVersion\":1}".formatted(flowId));
		assertThat(samePin.status()).as("a version already pinned counts once").isEqualTo(201);

		Response refused = this.api.patch("/v1/deployments/" + deploymentId, "{\"flowVersion\":2}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("type")).isEqualTo("/problems/limit-reached");
		assertThat(this.api.get("/v1/deployments/" + deploymentId).json().path("flowVersion").asInt()).isEqualTo(1);
	}

	private String largeFlow() {
		return this.api.post("/v1/flows", LARGE_FLOW).text("id");
	}

	private Response deploy(String flowId) {
		return this.api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(flowId));
	}

}
