package dev.flowgate.deployments.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.ApiClient.Response;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.SampleFlows;
import dev.flowgate.deployments.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

@IntegrationTest
class DeploymentApiTest {

	private static final String TOPIC = Topics.DEPLOYMENTS.name();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MongoTemplate mongo;

	private ApiClient api;

	private String flowId;

	@BeforeEach
	void ownerWithAFlow() {
		this.api = ApiClient.forNewOwner(this.mvc);
		this.flowId = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
	}

	@Test
	void createsADeploymentAndPublishesItsState() {
		Response created = this.api.post("/v1/deployments", """
				{"flowId":"%s","name":"answers","mode":"async","environment":"test","syncTimeoutSeconds":12,
				 "delivery":{"callbackUrl":"https://example.com/hook","allowCallbackOverride":true},
				 "limits":{"maxConcurrentExecutions":4,"requestsPerMinute":60}}""".formatted(this.flowId));

		assertThat(created.status()).isEqualTo(201);
		String id = created.text("id");
		JsonNode body = created.json();
		assertThat(body.path("flowVersion").asInt()).isEqualTo(1);
		assertThat(body.path("mode").asString()).isEqualTo("async");
		assertThat(body.path("enabled").asBoolean()).isTrue();
		assertThat(body.path("inputs").get(0).path("name").asString()).isEqualTo("question");
		assertThat(body.path("inputs").get(0).path("type").asString()).isEqualTo("text");
		assertThat(body.path("inputs").get(0).path("testValue").asString()).isEqualTo("What is Kafka?");
		assertThat(body.path("endpoints").path("native").asString())
			.isEqualTo(IntegrationTest.PUBLIC_URL + "/v1/deployments/" + id + "/executions");
		assertThat(body.path("endpoints").path("aicuflow").asString())
			.isEqualTo(IntegrationTest.PUBLIC_URL + "/node/deployment-trigger/" + id + "/");
		assertThat(body.path("endpoints").path("fluxprompt").asString())
			.isEqualTo(IntegrationTest.PUBLIC_URL + "/flux/api-v2?flowId=" + id);
		JsonNode state = await().until(() -> latestState(id), (value) -> value != null);
		assertThat(state.path("type").asString()).isEqualTo("deployment.state-changed");
		assertThat(state.path("ownerId").asString()).isEqualTo(this.api.ownerId());
		assertThat(state.path("flow").path("nodes")).hasSize(4);
		assertThat(state.path("mode").asString()).isEqualTo("async");
		assertThat(state.path("environment").asString()).isEqualTo("test");
		assertThat(state.path("syncTimeoutSeconds").asInt()).isEqualTo(12);
		assertThat(state.path("delivery").path("callbackUrl").asString()).isEqualTo("https://example.com/hook");
		assertThat(state.path("limits").path("requestsPerMinute").asInt()).isEqualTo(60);
		await().until(() -> stored(id).get("publishedVersion", Number.class).longValue() == 1);
	}

	@Test
	void appliesDefaultsAndListsTheOwnersDeployments() {
		String id = deploy();
		this.api.asAnotherOwner().post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(this.flowId));

		JsonNode items = this.api.get("/v1/deployments").json().path("items");

		assertThat(items).hasSize(1);
		JsonNode deployment = items.get(0);
		assertThat(deployment.path("id").asString()).isEqualTo(id);
		assertThat(deployment.path("name").asString()).isEqualTo("Answer");
		assertThat(deployment.path("mode").asString()).isEqualTo("sync");
		assertThat(deployment.path("environment").asString()).isEqualTo("production");
		assertThat(deployment.path("syncTimeoutSeconds").asInt()).isEqualTo(30);
		assertThat(deployment.path("delivery").path("callbackUrl").isNull()).isTrue();
		assertThat(deployment.path("limits").path("requestsPerMinute").isNull()).isTrue();
	}

	@Test
	void refusesADeploymentPastTheOwnersLimitAsAConflict() {
		for (int i = 0; i < IntegrationTest.DEPLOYMENTS_PER_OWNER; i++) {
			deploy();
		}

		Response refused = this.api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(this.flowId));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("/problems/limit-reached");
		assertThat(refused.text("title")).isEqualTo("Limit reached");
		assertThat(refused.text("detail"))
			.isEqualTo("An owner can have at most 10 deployments; delete the deployments no longer used");
		assertThat(this.api.get("/v1/deployments").json().path("items")).hasSize(IntegrationTest.DEPLOYMENTS_PER_OWNER);
		assertThat(this.api.asAnotherOwner().deployAnswerFlow()).isNotBlank();
	}

	@Test
	void pagesTheDeploymentsNewestFirstWithACursor() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(deploy());
		}
		// Three created in the same millisecond: their ids, descending, order them.
		Instant created = Instant.parse("2026-11-23T10:15:30.123Z");
		createdAt(ids.get(0), created);
		ids.subList(1, 4).forEach((id) -> createdAt(id, created.plusMillis(1)));
		createdAt(ids.get(4), created.plusMillis(2));
		List<String> tied = ids.subList(1, 4).stream().sorted(Comparator.reverseOrder()).toList();

		List<JsonNode> pages = ListPages.walk(this.api, "/v1/deployments", 2);

		assertThat(ListPages.sizes(pages)).containsExactly(2, 2, 1);
		assertThat(ListPages.items(pages, "id")).containsExactly(ids.get(4), tied.get(0), tied.get(1), tied.get(2),
				ids.get(0));
		assertThat(pages.get(0).path("nextCursor").isString()).isTrue();
		assertThat(pages.get(2).path("nextCursor").isNull()).as("the last page's nextCursor").isTrue();
		JsonNode whole = this.api.get("/v1/deployments").json();
		assertThat(whole.path("items")).as("up to 100 by default").hasSize(5);
		assertThat(whole.path("nextCursor").isNull()).isTrue();
	}

	@Test
	void refusesBadPagingAsTheExecutionsListDoes() {
		deploy();

		ListPages.assertRefusesBadPagingAsTheExecutionsListDoes(this.api, "/v1/deployments");
	}

	@Test
	void keepsThePinnedVersionUntilRedeployed() {
		String id = deploy();
		this.api.put("/v1/flows/" + this.flowId, SampleFlows.ANSWER_V2);

		assertThat(this.api.get("/v1/deployments/" + id).json().path("flowVersion").asInt()).isEqualTo(1);
		assertThat(this.api.get("/v1/deployments/" + id).json().path("inputs")).hasSize(1);

		Response redeployed = this.api.patch("/v1/deployments/" + id, "{\"flowVersion\":2,\"enabled\":false}");

		assertThat(redeployed.status()).isEqualTo(200);
		assertThat(redeployed.json().path("flowVersion").asInt()).isEqualTo(2);
		assertThat(redeployed.json().path("inputs")).hasSize(2);
		assertThat(redeployed.json().path("name").asString()).isEqualTo("Answer");
		JsonNode state = await().until(() -> latestState(id), (value) -> value.path("flowVersion").asInt() == 2);
		assertThat(state.path("flow").path("nodes")).hasSize(5);
		assertThat(state.path("enabled").asBoolean()).isFalse();
	}

	@Test
	void clearsDeliveryAndLimitsPatchedToNull() {
		String id = deployWithDeliveryAndLimits();

		Response patched = this.api.patch("/v1/deployments/" + id, "{\"delivery\":null,\"limits\":null}");

		assertThat(patched.status()).isEqualTo(200);
		for (JsonNode deployment : List.of(patched.json(), this.api.get("/v1/deployments/" + id).json())) {
			assertThat(deployment.path("delivery").path("callbackUrl").isNull()).isTrue();
			assertThat(deployment.path("delivery").path("email").isNull()).isTrue();
			assertThat(deployment.path("delivery").path("allowCallbackOverride").asBoolean()).isFalse();
			assertThat(deployment.path("limits").path("maxConcurrentExecutions").isNull()).isTrue();
			assertThat(deployment.path("limits").path("requestsPerMinute").isNull()).isTrue();
		}
		JsonNode state = await().until(() -> latestState(id),
				(value) -> value != null && value.path("delivery").path("callbackUrl").isNull());
		assertThat(state.path("limits").path("requestsPerMinute").isNull()).isTrue();
	}

	@Test
	void keepsDeliveryAndLimitsAbsentFromAPatch() {
		String id = deployWithDeliveryAndLimits();

		Response patched = this.api.patch("/v1/deployments/" + id, "{\"enabled\":false}");

		assertThat(patched.status()).isEqualTo(200);
		JsonNode stored = this.api.get("/v1/deployments/" + id).json();
		assertThat(stored.path("enabled").asBoolean()).isFalse();
		assertThat(stored.path("delivery").path("callbackUrl").asString()).isEqualTo("https://example.com/hook");
		assertThat(stored.path("delivery").path("email").asString()).isEqualTo("ops@example.com");
		assertThat(stored.path("delivery").path("allowCallbackOverride").asBoolean()).isTrue();
		assertThat(stored.path("limits").path("maxConcurrentExecutions").asInt()).isEqualTo(4);
		assertThat(stored.path("limits").path("requestsPerMinute").asInt()).isEqualTo(60);
	}

	@Test
	void replacesDeliveryAndLimitsPatchedAsAWhole() {
		String id = deployWithDeliveryAndLimits();

		Response patched = this.api.patch("/v1/deployments/" + id,
				"{\"delivery\":{\"email\":\"billing@example.com\"},\"limits\":{\"requestsPerMinute\":30}}");

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().path("delivery").path("callbackUrl").isNull()).isTrue();
		assertThat(patched.json().path("delivery").path("email").asString()).isEqualTo("billing@example.com");
		assertThat(patched.json().path("delivery").path("allowCallbackOverride").asBoolean()).isFalse();
		assertThat(patched.json().path("limits").path("maxConcurrentExecutions").isNull()).isTrue();
		assertThat(patched.json().path("limits").path("requestsPerMinute").asInt()).isEqualTo(30);
	}

	@Test
	void refusesDeliveryAndLimitsOfTheWrongTypesNamingEach() {
		String id = deployWithDeliveryAndLimits();

		Response notObjects = this.api.patch("/v1/deployments/" + id, "{\"delivery\":\"none\",\"limits\":[]}");
		Response wrongMembers = this.api.patch("/v1/deployments/" + id, """
				{"delivery":{"callbackUrl":7,"email":false,"allowCallbackOverride":"yes"},
				 "limits":{"maxConcurrentExecutions":1.5,"requestsPerMinute":"60"}}""");

		assertThat(notObjects.status()).isEqualTo(400);
		assertThat(notObjects.contentType()).isEqualTo("application/problem+json");
		assertThat(notObjects.invalidFields()).containsExactlyInAnyOrder("delivery", "limits");
		assertThat(notObjects.json().findValuesAsString("message"))
			.containsExactlyInAnyOrder("must be an object, or null", "must be an object, or null");
		assertThat(wrongMembers.status()).isEqualTo(400);
		assertThat(wrongMembers.invalidFields()).containsExactlyInAnyOrder("delivery.callbackUrl", "delivery.email",
				"delivery.allowCallbackOverride", "limits.maxConcurrentExecutions", "limits.requestsPerMinute");
		assertThat(this.api.get("/v1/deployments/" + id).json().path("limits").path("requestsPerMinute").asInt())
			.isEqualTo(60);
	}

	@Test
	void refusesMembersItDoesNotTakeNamingEachInsteadOfIgnoringThem() {
		String id = deployWithDeliveryAndLimits();

		Response misspelt = this.api.patch("/v1/deployments/" + id, """
				{"delivery":{"callback_url":"https://example.com/hook"},"limits":{"rpm":5}}""");
		Response readOnly = this.api.patch("/v1/deployments/" + id, "{\"createdAt\":\"2026-01-01T00:00:00Z\"}");

		assertThat(misspelt.status()).isEqualTo(400);
		assertThat(misspelt.invalidFields()).containsExactlyInAnyOrder("delivery.callback_url", "limits.rpm");
		assertThat(misspelt.json().findValuesAsString("message")).containsExactlyInAnyOrder(
				"is not a known member (known: allowCallbackOverride, callbackUrl, email)",
				"is not a known member (known: maxConcurrentExecutions, requestsPerMinute)");
		assertThat(readOnly.status()).isEqualTo(400);
		assertThat(readOnly.invalidFields()).containsExactly("createdAt");
		assertThat(this.api.get("/v1/deployments/" + id).json().path("limits").path("requestsPerMinute").asInt())
			.isEqualTo(60);
	}

	@Test
	void deletingPublishesATombstoneAndFreesTheFlow() {
		String id = deploy();
		await().until(() -> latestState(id), (value) -> value != null);
		Response inUse = this.api.delete("/v1/flows/" + this.flowId);
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.text("type")).isEqualTo("/problems/in-use");

		assertThat(this.api.delete("/v1/deployments/" + id).status()).isEqualTo(204);

		assertThat(this.api.get("/v1/deployments/" + id).status()).isEqualTo(404);
		await().until(() -> TopicReader.readKey(TOPIC, id).size() >= 2 && latestState(id) == null);
		await().until(() -> !this.mongo.exists(Query.query(where("_id").is(id)), "deployments"));
		assertThat(this.api.delete("/v1/flows/" + this.flowId).status()).isEqualTo(204);
	}

	@Test
	void answersInvalidSettingsWith400NamingEveryProblem() {
		Response rejected = this.api.post("/v1/deployments", """
				{"flowId":"%s","flowVersion":7,"mode":"later","environment":"staging","syncTimeoutSeconds":301,
				 "delivery":{"callbackUrl":"ftp://x","email":"nobody"},"limits":{"requestsPerMinute":0}}"""
			.formatted(this.flowId));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.text("title")).isEqualTo("Invalid request");
		assertThat(rejected.contentType()).isEqualTo("application/problem+json");
		assertThat(rejected.invalidFields()).containsExactlyInAnyOrder("flowVersion", "mode", "environment",
				"syncTimeoutSeconds", "delivery.callbackUrl", "delivery.email", "limits.requestsPerMinute");
		assertThat(rejected.text("detail")).startsWith("The request has 7 invalid fields: ")
			.contains("syncTimeoutSeconds", "limits.requestsPerMinute");
		assertThat(this.api.get("/v1/deployments").json().path("items")).isEmpty();
	}

	@Test
	void refusesAnEmailThatIsAListOfAddresses() {
		Response rejected = this.api.post("/v1/deployments",
				"{\"flowId\":\"%s\",\"delivery\":{\"email\":\"ops,billing,ceo@example.com\"}}".formatted(this.flowId));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.invalidFields()).containsExactly("delivery.email");
	}

	@Test
	void refusesAnEmailLongerThanSmtpCarries() {
		// Dotted on and on, it would take the pattern minutes to fail.
		String email = "a@" + ".".repeat(200_000) + "@";
		Response rejected = this.api.post("/v1/deployments",
				"{\"flowId\":\"%s\",\"delivery\":{\"email\":\"%s\"}}".formatted(this.flowId, email));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.invalidFields()).containsExactly("delivery.email");
	}

	@Test
	void refusesAFractionalTimeoutInsteadOfRoundingIt() {
		Response rejected = this.api.post("/v1/deployments",
				"{\"flowId\":\"%s\",\"syncTimeoutSeconds\":1.5}".formatted(this.flowId));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.contentType()).isEqualTo("application/problem+json");
		assertThat(rejected.invalidFields()).containsExactly("syncTimeoutSeconds");
		assertThat(rejected.json().path("errors").get(0).path("message").asString())
			.isEqualTo("must be a whole number");
		assertThat(rejected.text("detail")).isEqualTo("syncTimeoutSeconds must be a whole number");
		assertThat(this.api.get("/v1/deployments").json().path("items")).isEmpty();
	}

	@Test
	void answersATimeoutOutOfRangeWith400NamingIt() {
		Response rejected = this.api.post("/v1/deployments",
				"{\"flowId\":\"%s\",\"syncTimeoutSeconds\":-1}".formatted(this.flowId));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.contentType()).isEqualTo("application/problem+json");
		assertThat(rejected.text("title")).isEqualTo("Invalid request");
		assertThat(rejected.invalidFields()).containsExactly("syncTimeoutSeconds");
		assertThat(rejected.json().path("errors").get(0).path("message").asString()).isEqualTo("must be from 1 to 300");
		assertThat(rejected.text("detail")).isEqualTo("syncTimeoutSeconds must be from 1 to 300");
		assertThat(this.api.get("/v1/deployments").json().path("items")).isEmpty();
	}

	@Test
	void rejectsACallbackUrlWithCredentials() {
		Response rejected = this.api.post("/v1/deployments", """
				{"flowId":"%s","delivery":{"callbackUrl":"https://user:secret@hooks.example.com/x"}}"""
			.formatted(this.flowId));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.json().path("errors").get(0).path("field").asString()).isEqualTo("delivery.callbackUrl");
		assertThat(rejected.json().path("errors").get(0).path("message").asString()).contains("credentials");
		assertThat(rejected.text("detail")).doesNotContain("secret");
	}

	@Test
	void answersSettingsNamingAnotherOwnersFlowWith400() {
		Response rejected = this.api.asAnotherOwner()
			.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(this.flowId));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.contentType()).isEqualTo("application/problem+json");
		assertThat(rejected.invalidFields()).containsExactly("flowId");
		assertThat(rejected.json().findValuesAsString("message"))
			.containsExactly("names no flow of yours: " + this.flowId);
	}

	@Test
	void answersARedeployToAVersionThatDoesNotExistWith400() {
		String id = deploy();

		Response rejected = this.api.patch("/v1/deployments/" + id, "{\"flowVersion\":7}");

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.invalidFields()).containsExactly("flowVersion");
		assertThat(this.api.get("/v1/deployments/" + id).json().path("flowVersion").asInt()).isEqualTo(1);
	}

	@Test
	void hidesAnotherOwnersDeployment() {
		String id = deploy();
		ApiClient stranger = this.api.asAnotherOwner();

		assertThat(stranger.get("/v1/deployments/" + id).status()).isEqualTo(404);
		assertThat(stranger.patch("/v1/deployments/" + id, "{\"enabled\":false}").status()).isEqualTo(404);
		assertThat(stranger.delete("/v1/deployments/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/v1/deployments/" + id).json().path("enabled").asBoolean()).isTrue();
	}

	private String deploy() {
		return this.api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(this.flowId)).text("id");
	}

	private String deployWithDeliveryAndLimits() {
		return this.api
			.post("/v1/deployments",
					"""
							{"flowId":"%s","delivery":{"callbackUrl":"https://example.com/hook","email":"ops@example.com",
							 "allowCallbackOverride":true},"limits":{"maxConcurrentExecutions":4,"requestsPerMinute":60}}"""
						.formatted(this.flowId))
			.text("id");
	}

	private void createdAt(String deploymentId, Instant at) {
		this.mongo.updateFirst(Query.query(where("_id").is(deploymentId)), new Update().set("createdAt", at),
				"deployments");
	}

	private JsonNode latestState(String deploymentId) {
		return TopicReader.readKey(TOPIC, deploymentId).isEmpty() ? null : TopicReader.latestValue(TOPIC, deploymentId);
	}

	private Document stored(String deploymentId) {
		return this.mongo.findOne(Query.query(where("_id").is(deploymentId)), Document.class, "deployments");
	}

}
