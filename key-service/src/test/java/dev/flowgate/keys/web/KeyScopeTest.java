package dev.flowgate.keys.web;

import dev.flowgate.keys.ApiClient;
import dev.flowgate.keys.ApiClient.Response;
import dev.flowgate.keys.DeploymentServiceStub;
import dev.flowgate.keys.DeploymentServiceStub.Request;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** A key scoped to deployments is made only once deployment-service knows them. */
@KeyServiceIntegrationTest
class KeyScopeTest {

	private final DeploymentServiceStub deployments = DeploymentServiceStub.shared();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JsonMapper json;

	private ApiClient api;

	private String ownerId;

	@BeforeEach
	void newOwner() {
		this.api = new ApiClient(this.mvc, this.json);
		this.ownerId = this.api.newOwnerId("scoped");
	}

	@AfterEach
	void answerNormally() {
		this.deployments.answerEveryCallWith(0);
	}

	@Test
	void asksDeploymentServiceAsTheOwnerAndScopesTheKey() {
		this.deployments.add(this.ownerId, "orders/eu");

		Response created = this.api.post("/v1/keys", this.ownerId,
				"{\"name\": \"orders\", \"deploymentIds\": [\"orders/eu\"]}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("deploymentIds").get(0).asString()).isEqualTo("orders/eu");
		assertThat(this.deployments.requests()).filteredOn((request) -> this.ownerId.equals(request.ownerId()))
			.containsExactly(new Request("GET", "orders/eu", this.ownerId, ApiClient.INTERNAL_TOKEN));
	}

	@Test
	void refusesDeploymentsTheOwnerDoesNotHaveAndKeepsNoKey() {
		this.deployments.add(this.ownerId, "mine");
		this.deployments.add("someone-else", "theirs");

		Response refused = this.api.post("/v1/keys", this.ownerId,
				"{\"name\": \"typo\", \"deploymentIds\": [\"mine\", \"theirs\", \"nope\"]}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.invalidFields()).containsExactly("deploymentIds");
		assertThat(refused.text("detail")).isEqualTo("deploymentIds names no deployment of yours: nope, theirs");
		assertThat(this.api.get("/v1/keys", this.ownerId).body().get("items")).hasSize(1);
	}

	@Test
	void answers503WithRetryAfterWhileDeploymentServiceCannotTell() {
		this.deployments.add(this.ownerId, "mine");
		this.deployments.answerEveryCallWith(500);

		Response refused = this.api.post("/v1/keys", this.ownerId,
				"{\"name\": \"later\", \"deploymentIds\": [\"mine\"]}");
		Response unscoped = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"all\"}");

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.retryAfter()).isEqualTo("5");
		assertThat(unscoped.status()).isEqualTo(201);
		assertThat(this.api.get("/v1/keys", this.ownerId).body().get("items"))
			.extracting((key) -> key.get("name").asString())
			.containsExactly("all", "default");
	}

}
