package dev.flowgate.deployments.web;

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
import dev.flowgate.deployments.SampleFlows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** All of an owner's flow versions take at most so many bytes: each is kept forever. */
@IntegrationTest
class FlowStorageBudgetApiTest {

	private static final String LARGE_FLOW = LargeFlows.TEMPLATE_OF_200_KB;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MongoTemplate mongo;

	private ApiClient api;

	private String flowId;

	@BeforeEach
	void ownerWithFourLargeVersions() {
		this.api = ApiClient.forNewOwner(this.mvc);
		this.flowId = this.api.post("/v1/flows", LARGE_FLOW).text("id");
		for (int i = 0; i < 3; i++) {
			assertThat(this.api.put("/v1/flows/" + this.flowId, LARGE_FLOW).status()).isEqualTo(200);
		}
	}

	@Test
	void refusesANewVersionPastTheOwnersStorageBudgetAsTheDeploymentLimitIs() {
		Response refused = this.api.put("/v1/flows/" + this.flowId, LARGE_FLOW);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("/problems/limit-reached");
		assertThat(refused.text("detail"))
			.matches("An owner's flow versions can take at most " + IntegrationTest.FLOW_STORAGE_PER_OWNER
					+ " bytes together \\(as JSON\\); this version would bring yours to 100\\d{4} bytes: .*");
		assertThat(this.api.get("/v1/flows/" + this.flowId).json().path("version").asInt()).isEqualTo(4);
		assertThat(this.api.asAnotherOwner().post("/v1/flows", LARGE_FLOW).status()).isEqualTo(201);
	}

	@Test
	void refusesANewFlowPastTheBudgetAndMakesRoomWhenAFlowIsDeleted() {
		assertThat(this.api.post("/v1/flows", LARGE_FLOW).status()).isEqualTo(409);

		assertThat(this.api.delete("/v1/flows/" + this.flowId).status()).isEqualTo(204);

		assertThat(this.api.post("/v1/flows", LARGE_FLOW).status()).isEqualTo(201);
	}

	@Test
	void countsVersionsStoredBeforeTheirSizeWasKept() {
		this.mongo.updateMulti(Query.query(where("ownerId").is(this.api.ownerId())),
				new Update().unset("definitionBytes"), "flow_versions");

		assertThat(this.api.post("/v1/flows", LARGE_FLOW).status()).isEqualTo(409);
		assertThat(this.api.post("/v1/flows", SampleFlows.ANSWER).status()).as("a small one still fits").isEqualTo(201);
	}

}
