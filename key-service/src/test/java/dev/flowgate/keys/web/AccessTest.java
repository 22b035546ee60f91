package dev.flowgate.keys.web;

import java.util.ArrayList;
import java.util.List;

import dev.flowgate.apikeys.ApiKeyFormat;
import dev.flowgate.keys.ApiClient;
import dev.flowgate.keys.ApiClient.Response;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Who may call what: the gateway's internal token, and the admin flag for owners. */
@KeyServiceIntegrationTest
class AccessTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JsonMapper json;

	private ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.mvc, this.json);
	}

	@Test
	void rejectsCallsWithoutTheInternalToken() {
		Response missing = this.api.send(get("/v1/keys"), (request) -> request.header("X-Flowgate-Owner-Id", "owner-1"),
				null);
		Response wrong = this.api.send(get("/v1/keys"),
				(request) -> request.header("X-Flowgate-Internal-Token", "guess")
					.header("X-Flowgate-Owner-Id", "owner-1"),
				null);
		Response owners = this.api.send(post("/v1/owners"), (request) -> request.header("X-Flowgate-Admin", "true"),
				"{\"name\": \"intruder\"}");

		for (Response response : List.of(missing, wrong, owners)) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.contentType()).isEqualTo("application/problem+json");
			assertThat(response.text("detail")).contains("X-Flowgate-Internal-Token");
			assertThat(response.text("title")).isEqualTo("Unauthorized");
			assertThat(response.body().get("status").asInt()).isEqualTo(401);
		}
	}

	@Test
	void leavesTheHealthProbesOpen() {
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			Response health = this.api.send(get(probe), (request) -> request, null);

			assertThat(health.status()).as(probe).isEqualTo(200);
			assertThat(health.text("status")).isEqualTo("UP");
		}
	}

	@Test
	void createsAnOwnerWithAFirstKeyThatMayRunAndManage() {
		Response created = this.api.createOwner("acme");

		assertThat(created.status()).isEqualTo(201);
		JsonNode owner = created.body().get("owner");
		assertThat(owner.get("name").asString()).isEqualTo("acme");
		assertThat(owner.get("id").asString()).isNotBlank();
		assertThat(owner.get("createdAt").isNull()).isFalse();
		JsonNode key = created.body().get("key");
		assertThat(key.get("name").asString()).isEqualTo("default");
		assertThat(strings(key.get("scopes"))).containsExactly("run", "manage");
		assertThat(ApiKeyFormat.isWellFormed(key.get("secret").asString())).isTrue();

		Response listed = this.api.get("/v1/keys", owner.get("id").asString());
		assertThat(listed.body().get("items")).singleElement()
			.satisfies((only) -> assertThat(only.get("id").asString()).isEqualTo(key.get("id").asString()));
	}

	@Test
	void reservesOwnerManagementToTheAdmin() {
		String ownerId = this.api.newOwnerId("acme");

		Response asOwner = this.api.post("/v1/owners", ownerId, "{\"name\": \"other\"}");
		Response keyAsOwner = this.api.post("/v1/owners/" + ownerId + "/keys", ownerId, "{\"name\": ");
		Response notAdmin = this.api.send(post("/v1/owners"),
				(request) -> request.header("X-Flowgate-Internal-Token", ApiClient.INTERNAL_TOKEN)
					.header("X-Flowgate-Admin", "false"),
				"{\"name\": \"other\"}");

		for (Response response : List.of(asOwner, keyAsOwner)) {
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.contentType()).isEqualTo("application/problem+json");
		}
		assertThat(notAdmin.status()).isEqualTo(403);
	}

	@Test
	void reservesFindingOwnersToTheAdmin() {
		String ownerId = this.api.newOwnerId("acme");

		Response list = this.api.get("/v1/owners", ownerId);
		Response one = this.api.get("/v1/owners/" + ownerId, ownerId);
		Response notAdmin = this.api.send(get("/v1/owners/" + ownerId),
				(request) -> request.header("X-Flowgate-Internal-Token", ApiClient.INTERNAL_TOKEN)
					.header("X-Flowgate-Admin", "false"),
				null);
		Response noToken = this.api.send(get("/v1/owners"), (request) -> request.header("X-Flowgate-Admin", "true"),
				null);

		for (Response response : List.of(list, one, notAdmin)) {
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.contentType()).isEqualTo("application/problem+json");
			assertThat(response.raw()).doesNotContain("acme");
		}
		assertThat(noToken.status()).isEqualTo(401);
		assertThat(this.api.getAsAdmin("/v1/owners/" + ownerId).status()).isEqualTo(200);
	}

	@Test
	void letsTheAdminIssueAKeyForAnOwner() {
		String ownerId = this.api.newOwnerId("acme");

		Response issued = this.api.send(post("/v1/owners/" + ownerId + "/keys"), ApiClient.asAdmin(),
				"{\"name\": \"ops\", \"scopes\": [\"manage\"]}");

		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.location()).isEqualTo("/v1/keys/" + issued.text("id"));
		assertThat(ApiKeyFormat.isWellFormed(issued.text("secret"))).isTrue();
		Response fetched = this.api.get("/v1/keys/" + issued.text("id"), ownerId);
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(strings(fetched.body().get("scopes"))).containsExactly("manage");
	}

	@Test
	void answersNotFoundForKeysOfAnUnknownOwner() {
		Response issued = this.api.send(post("/v1/owners/no-such-owner/keys"), ApiClient.asAdmin(),
				"{\"name\": \"ops\"}");

		assertThat(issued.status()).isEqualTo(404);
		assertThat(issued.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void requiresAnOwnerName() {
		Response nameless = this.api.send(post("/v1/owners"), ApiClient.asAdmin(), "{}");

		assertThat(nameless.status()).isEqualTo(400);
		assertThat(nameless.invalidFields()).containsExactly("name");
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

}
