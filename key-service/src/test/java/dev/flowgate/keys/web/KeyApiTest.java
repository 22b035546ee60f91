package dev.flowgate.keys.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.flowgate.apikeys.ApiKeyFormat;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.keys.ApiClient;
import dev.flowgate.keys.ApiClient.Response;
import dev.flowgate.keys.DeploymentServiceStub;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import dev.flowgate.keys.TopicReader;
import dev.flowgate.keys.domain.key.KeySecret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KeyServiceIntegrationTest
class KeyApiTest {

	/** Far more than any test's list needs: a cursor that never ends fails the test. */
	private static final int MAX_PAGES = 20;

	private static TopicReader topic;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JsonMapper json;

	private ApiClient api;

	private String ownerId;

	@BeforeAll
	static void readTopic() {
		topic = TopicReader.keys();
	}

	@AfterAll
	static void closeTopic() {
		topic.close();
	}

	@BeforeEach
	void newOwner() {
		this.api = new ApiClient(this.mvc, this.json);
		this.ownerId = this.api.newOwnerId("acme");
		DeploymentServiceStub.shared().add(this.ownerId, "dep-1");
		DeploymentServiceStub.shared().add(this.ownerId, "dep-9");
	}

	@Test
	void createsAKeyAndPublishesItsHashButNeverItsSecret() {
		Response created = this.api.post("/v1/keys", this.ownerId, """
				{"name": "ci", "scopes": ["run", "manage"], "deploymentIds": ["dep-1"],
				 "expiresAt": "2099-01-01T00:00:00Z", "rateLimitPerMinute": 120}""");

		assertThat(created.status()).isEqualTo(201);
		String keyId = created.text("id");
		String secret = created.text("secret");
		assertThat(created.location()).isEqualTo("/v1/keys/" + keyId);
		assertThat(ApiKeyFormat.isWellFormed(secret)).isTrue();
		assertThat(created.text("hint")).isEqualTo(KeySecret.parse(secret).hint());
		assertThat(created.text("status")).isEqualTo("active");
		assertThat(created.body().get("expired").asBoolean()).isFalse();
		assertThat(strings(created.body().get("scopes"))).containsExactly("run", "manage");
		assertThat(strings(created.body().get("deploymentIds"))).containsExactly("dep-1");
		assertThat(created.body().get("rateLimitPerMinute").asInt()).isEqualTo(120);
		assertThat(created.body().get("lastUsedAt").isNull()).isTrue();

		var record = topic.awaitRecord(keyId, (raw) -> raw != null);
		assertThat(record.value()).doesNotContain(secret).contains("\"type\":\"key.state-changed\"");
		KeyStateChanged state = topic.parse(record.value());
		assertThat(state.ownerId()).isEqualTo(this.ownerId);
		assertThat(state.secretHash()).isEqualTo(KeySecret.parse(secret).hash());
		assertThat(state.previousSecretHash()).isNull();
		assertThat(state.scopes()).containsExactlyInAnyOrder(KeyScope.RUN, KeyScope.MANAGE);
		assertThat(state.deploymentIds()).containsExactly("dep-1");
		assertThat(state.expiresAt()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
		assertThat(state.rateLimitPerMinute()).isEqualTo(120);
		assertThat(state.status()).isEqualTo(KeyStatus.ACTIVE);
		assertThat(state.version()).isEqualTo(1);
	}

	@Test
	void changesAKeysNameAndPermissionsAndPublishesThem() {
		DeploymentServiceStub.shared().add(this.ownerId, "dep-2");
		String keyId = this.api.post("/v1/keys", this.ownerId, """
				{"name": "ci", "deploymentIds": ["dep-1"], "expiresAt": "2099-01-01T00:00:00Z",
				 "rateLimitPerMinute": 120}""").text("id");

		Response changed = this.api.patch("/v1/keys/" + keyId, this.ownerId, """
				{"name": "ci-eu", "scopes": ["run", "manage"], "deploymentIds": ["dep-1", "dep-2"],
				 "expiresAt": null, "rateLimitPerMinute": 600}""");

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.text("name")).isEqualTo("ci-eu");
		assertThat(strings(changed.body().get("scopes"))).containsExactly("run", "manage");
		assertThat(strings(changed.body().get("deploymentIds"))).containsExactly("dep-1", "dep-2");
		assertThat(changed.body().get("expiresAt").isNull()).isTrue();
		assertThat(changed.body().get("rateLimitPerMinute").asInt()).isEqualTo(600);
		assertThat(changed.body().has("secret")).isFalse();
		KeyStateChanged state = topic.awaitState(keyId,
				(published) -> Integer.valueOf(600).equals(published.rateLimitPerMinute()));
		assertThat(state.scopes()).containsExactlyInAnyOrder(KeyScope.RUN, KeyScope.MANAGE);
		assertThat(state.deploymentIds()).containsExactlyInAnyOrder("dep-1", "dep-2");
		assertThat(state.expiresAt()).isNull();
		assertThat(this.api.patch("/v1/keys/" + keyId, this.ownerId, "{}").text("name")).isEqualTo("ci-eu");
	}

	@Test
	void refusesABadChangeAndAnotherOwnersKey() {
		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"ci\"}").text("id");

		Response badLimit = this.api.patch("/v1/keys/" + keyId, this.ownerId, "{\"rateLimitPerMinute\": \"lots\"}");
		Response badExpiry = this.api.patch("/v1/keys/" + keyId, this.ownerId, "{\"expiresAt\": \"tomorrow\"}");
		Response unknown = this.api.patch("/v1/keys/" + keyId, this.ownerId, "{\"deploymentIds\": [\"nope\"]}");
		Response foreign = this.api.patch("/v1/keys/" + keyId, "someone-else", "{\"name\": \"mine\"}");

		assertThat(badLimit.status()).isEqualTo(400);
		assertThat(badLimit.invalidFields()).containsExactly("rateLimitPerMinute");
		assertThat(badExpiry.status()).isEqualTo(400);
		assertThat(badExpiry.invalidFields()).containsExactly("expiresAt");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.invalidFields()).containsExactly("deploymentIds");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(this.api.get("/v1/keys/" + keyId, this.ownerId).text("name")).isEqualTo("ci");
	}

	@Test
	void refusesAMemberItDoesNotTakeInsteadOfIgnoringIt() {
		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"ci\"}").text("id");
		int keys = this.api.get("/v1/keys", this.ownerId).body().path("items").size();

		Response readOnly = this.api.patch("/v1/keys/" + keyId, this.ownerId, "{\"status\": \"inactive\"}");
		Response typo = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"x\", \"scope\": [\"manage\"]}");

		assertThat(readOnly.status()).isEqualTo(400);
		assertThat(readOnly.text("detail")).isEqualTo("status is not a known member (known: deploymentIds, "
				+ "expiresAt, name, rateLimitPerMinute, scopes)");
		assertThat(this.api.get("/v1/keys/" + keyId, this.ownerId).text("status")).isEqualTo("active");
		assertThat(typo.status()).isEqualTo(400);
		assertThat(typo.invalidFields()).containsExactly("scope");
		assertThat(this.api.get("/v1/keys", this.ownerId).body().path("items")).hasSize(keys);
	}

	@Test
	void refusesAKeyPastTheOwnersLimitWith409() {
		// The owner's first key, from its registration, counts too; the tests allow 5.
		for (int i = 0; i < 4; i++) {
			assertThat(this.api.post("/v1/keys", this.ownerId, "{\"name\": \"k" + i + "\"}").status()).isEqualTo(201);
		}

		Response refused = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"one too many\"}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("/problems/limit-reached");
		assertThat(refused.text("detail")).startsWith("An owner can have at most 5 keys");
	}

	@Test
	void checksAChangedListOfDeploymentsBeforeAskingAboutThem() {
		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"ci\"}").text("id");
		String tooMany = IntStream.rangeClosed(1, 101)
			.mapToObj((n) -> "\"dep-" + n + "\"")
			.collect(Collectors.joining(",", "{\"deploymentIds\": [", "]}"));

		Response withNull = this.api.patch("/v1/keys/" + keyId, this.ownerId, "{\"deploymentIds\": [null]}");
		Response overLimit = this.api.patch("/v1/keys/" + keyId, this.ownerId, tooMany);
		Response farFuture = this.api.patch("/v1/keys/" + keyId, this.ownerId,
				"{\"expiresAt\": \"+300000000-01-01T00:00:00Z\"}");

		assertThat(withNull.status()).isEqualTo(400);
		assertThat(withNull.invalidFields()).containsExactly("deploymentIds");
		assertThat(withNull.invalidMessages()).containsExactly("must not contain blank ids");
		assertThat(withNull.text("detail")).isEqualTo("deploymentIds must not contain blank ids");
		assertThat(overLimit.status()).isEqualTo(400);
		assertThat(overLimit.text("detail")).isEqualTo("deploymentIds must name at most 100 deployments");
		assertThat(farFuture.status()).isEqualTo(400);
		assertThat(farFuture.invalidFields()).containsExactly("expiresAt");
	}

	@Test
	void defaultsToTheRunScopeAndShowsTheSecretOnlyOnce() {
		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"plain\"}").text("id");

		Response fetched = this.api.get("/v1/keys/" + keyId, this.ownerId);

		assertThat(fetched.status()).isEqualTo(200);
		assertThat(strings(fetched.body().get("scopes"))).containsExactly("run");
		assertThat(fetched.body().has("secret")).isFalse();
		assertThat(fetched.body().get("expiresAt").isNull()).isTrue();
	}

	@Test
	void listsTheOwnersKeysNewestFirst() {
		List<JsonNode> created = new ArrayList<>();
		created.add(this.api.get("/v1/keys", this.ownerId).body().get("items").get(0));
		created.add(this.api.post("/v1/keys", this.ownerId, "{\"name\": \"first\"}").body());
		created.add(this.api.post("/v1/keys", this.ownerId, "{\"name\": \"second\"}").body());

		Response listed = this.api.get("/v1/keys", this.ownerId);

		assertThat(listed.status()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		listed.body().get("items").forEach((key) -> names.add(key.get("name").asString()));
		assertThat(names).containsExactlyInAnyOrder("second", "first", "default");
		// Two keys created in the same millisecond are ordered by id.
		assertThat(ids(List.of(listed.body()))).containsExactlyElementsOf(newestFirst(created));
		assertThat(listed.body().get("nextCursor").isNull()).as("the only page's nextCursor").isTrue();
		assertThat(listed.raw()).doesNotContain("\"secret\"");
	}

	@Test
	void pagesKeysNewestFirst() {
		List<JsonNode> created = new ArrayList<>();
		created.add(this.api.get("/v1/keys", this.ownerId).body().get("items").get(0));
		for (int i = 1; i < 5; i++) {
			created.add(this.api.post("/v1/keys", this.ownerId, "{\"name\": \"k" + i + "\"}").body());
		}

		List<JsonNode> pages = walk(2);

		assertThat(pages).extracting((page) -> page.get("items").size()).containsExactly(2, 2, 1);
		assertThat(ids(pages)).containsExactlyElementsOf(newestFirst(created));
		assertThat(pages.get(0).get("nextCursor").isString()).isTrue();
		assertThat(pages.get(2).get("nextCursor").isNull()).as("the last page's nextCursor").isTrue();
	}

	@Test
	void leavesAKeyCreatedWhilePagingOutOfThatPass() {
		List<JsonNode> before = new ArrayList<>();
		before.add(this.api.get("/v1/keys", this.ownerId).body().get("items").get(0));
		for (int i = 1; i < 3; i++) {
			before.add(this.api.post("/v1/keys", this.ownerId, "{\"name\": \"k" + i + "\"}").body());
		}
		Response first = this.api.get("/v1/keys?limit=2", this.ownerId);

		String late = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"late\"}").text("id");
		Response second = this.api.get("/v1/keys?limit=2&cursor=" + first.text("nextCursor"), this.ownerId);

		assertThat(ids(List.of(first.body(), second.body()))).containsExactlyElementsOf(newestFirst(before))
			.doesNotContain(late);
		assertThat(second.body().get("nextCursor").isNull()).isTrue();
		assertThat(this.api.get("/v1/keys?limit=1", this.ownerId).body().get("items").get(0).get("id").asString())
			.isEqualTo(late);
	}

	@Test
	void leavesDeletedKeysOutOfTheList() {
		String deleted = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"gone\"}").text("id");
		String kept = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"kept\"}").text("id");
		assertThat(this.api.delete("/v1/keys/" + deleted, this.ownerId).status()).isEqualTo(204);

		List<String> listed = ids(walk(1));

		assertThat(listed).hasSize(2).contains(kept).doesNotContain(deleted);
	}

	@Test
	void answersAnOutOfRangeLimitWith400() {
		for (String limit : List.of("0", "101", "-1", "ten", "1.5")) {
			Response refused = this.api.get("/v1/keys?limit=" + limit, this.ownerId);

			assertThat(refused.status()).as(limit).isEqualTo(400);
			assertThat(refused.contentType()).isEqualTo("application/problem+json");
			assertThat(refused.invalidFields()).as(limit).containsExactly("limit");
		}
		assertThat(this.api.get("/v1/keys?limit=0", this.ownerId).text("detail"))
			.isEqualTo("limit must be from 1 to 100");
		assertThat(this.api.get("/v1/keys?limit=ten", this.ownerId).text("detail"))
			.isEqualTo("limit must be a whole number");
		assertThat(this.api.get("/v1/keys?limit=100", this.ownerId).status()).isEqualTo(200);
	}

	@Test
	void refusesACursorItDidNotIssue() {
		String notOurs = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("soon:x".getBytes(StandardCharsets.UTF_8));
		for (String cursor : List.of("not-a-cursor", "bm9wZQ", notOurs, "$$$")) {
			Response refused = this.api.get("/v1/keys?cursor=" + cursor, this.ownerId);

			assertThat(refused.status()).as(cursor).isEqualTo(400);
			assertThat(refused.contentType()).isEqualTo("application/problem+json");
			assertThat(refused.invalidFields()).as(cursor).containsExactly("cursor");
			assertThat(refused.text("detail")).isEqualTo("cursor is not a cursor from a previous page");
		}
	}

	@Test
	void deactivatesAndActivatesAndPublishesEachState() {
		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"toggle\"}").text("id");

		Response deactivated = this.api.post("/v1/keys/" + keyId + "/deactivate", this.ownerId, null);
		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(deactivated.text("status")).isEqualTo("inactive");
		topic.awaitState(keyId, (state) -> state.status() == KeyStatus.INACTIVE);

		Response again = this.api.post("/v1/keys/" + keyId + "/deactivate", this.ownerId, null);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.text("status")).isEqualTo("inactive");

		Response activated = this.api.post("/v1/keys/" + keyId + "/activate", this.ownerId, null);
		assertThat(activated.text("status")).isEqualTo("active");
		await().until(() -> topic.recordsOf(keyId).size() >= 3);
		assertThat(topic.recordsOf(keyId)).extracting((record) -> topic.parse(record.value()).status())
			.containsExactly(KeyStatus.ACTIVE, KeyStatus.INACTIVE, KeyStatus.ACTIVE);
	}

	@Test
	void rotatesWithAGracePeriodKeepingEverythingButTheSecret() {
		Response created = this.api.post("/v1/keys", this.ownerId,
				"{\"name\": \"rotating\", \"scopes\": [\"manage\"], \"deploymentIds\": [\"dep-9\"]}");
		String keyId = created.text("id");
		String oldSecret = created.text("secret");

		Instant before = Instant.now();
		Response rotated = this.api.post("/v1/keys/" + keyId + "/rotate", this.ownerId,
				"{\"gracePeriodSeconds\": 300}");

		assertThat(rotated.status()).isEqualTo(200);
		String newSecret = rotated.text("secret");
		assertThat(ApiKeyFormat.isWellFormed(newSecret)).isTrue();
		assertThat(newSecret).isNotEqualTo(oldSecret);
		assertThat(rotated.text("hint")).isEqualTo(KeySecret.parse(newSecret).hint());
		assertThat(rotated.body().get("rotatedAt").isNull()).isFalse();
		assertThat(strings(rotated.body().get("scopes"))).containsExactly("manage");

		KeyStateChanged state = topic.awaitState(keyId,
				(candidate) -> candidate.secretHash().equals(KeySecret.parse(newSecret).hash()));
		assertThat(state.previousSecretHash()).isEqualTo(KeySecret.parse(oldSecret).hash());
		assertThat(state.previousSecretValidUntil()).isBetween(before.plusSeconds(299), Instant.now().plusSeconds(301));
		assertThat(state.scopes()).containsExactly(KeyScope.MANAGE);
		assertThat(state.deploymentIds()).containsExactly("dep-9");
		assertThat(topic.recordsOf(keyId))
			.allSatisfy((record) -> assertThat(record.value()).doesNotContain(oldSecret).doesNotContain(newSecret));
	}

	@Test
	void rotatesWithoutGraceWhenThereIsNoBody() {
		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"now\"}").text("id");

		String newSecret = this.api.post("/v1/keys/" + keyId + "/rotate", this.ownerId, null).text("secret");

		KeyStateChanged state = topic.awaitState(keyId,
				(candidate) -> candidate.secretHash().equals(KeySecret.parse(newSecret).hash()));
		assertThat(state.previousSecretHash()).isNull();
		assertThat(state.previousSecretValidUntil()).isNull();
	}

	@Test
	void keepsTheOldSecretAMinuteWhenTheCallingKeyRotatesItselfWithoutAGracePeriod() {
		Response created = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"self\", \"scopes\": [\"manage\"]}");
		String keyId = created.text("id");
		String oldSecret = created.text("secret");

		Instant before = Instant.now();
		Response rotated = this.api.send(MockMvcRequestBuilders.post("/v1/keys/" + keyId + "/rotate"),
				ApiClient.withKey(this.ownerId, keyId), null);

		assertThat(rotated.status()).isEqualTo(200);
		String newSecret = rotated.text("secret");
		KeyStateChanged state = topic.awaitState(keyId,
				(candidate) -> candidate.secretHash().equals(KeySecret.parse(newSecret).hash()));
		assertThat(state.previousSecretHash()).isEqualTo(KeySecret.parse(oldSecret).hash());
		assertThat(state.previousSecretValidUntil()).isBetween(before.plusSeconds(59), Instant.now().plusSeconds(61));
	}

	@Test
	void endsTheOldSecretAtOnceWhenTheCallingKeyRotatesItselfWithGraceZero() {
		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"leaked\", \"scopes\": [\"manage\"]}")
			.text("id");

		Response rotated = this.api.send(MockMvcRequestBuilders.post("/v1/keys/" + keyId + "/rotate"),
				ApiClient.withKey(this.ownerId, keyId), "{\"gracePeriodSeconds\": 0}");

		assertThat(rotated.status()).isEqualTo(200);
		String newSecret = rotated.text("secret");
		KeyStateChanged state = topic.awaitState(keyId,
				(candidate) -> candidate.secretHash().equals(KeySecret.parse(newSecret).hash()));
		assertThat(state.previousSecretHash()).isNull();
		assertThat(state.previousSecretValidUntil()).isNull();
	}

	@Test
	void deletesAKeyWithATombstone() {
		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"doomed\"}").text("id");
		topic.awaitFirstState(keyId);

		Response deleted = this.api.delete("/v1/keys/" + keyId, this.ownerId);

		assertThat(deleted.status()).isEqualTo(204);
		var tombstone = topic.awaitTombstone(keyId);
		assertThat(tombstone.headers().lastHeader(KeyStateChanged.VERSION_HEADER).value())
			.asString(StandardCharsets.US_ASCII)
			.isEqualTo("2");
		assertThat(this.api.get("/v1/keys/" + keyId, this.ownerId).status()).isEqualTo(404);
		assertThat(this.api.delete("/v1/keys/" + keyId, this.ownerId).status()).isEqualTo(404);
	}

	@Test
	void treatsAnotherOwnersKeyAsUnknown() {
		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"mine\"}").text("id");
		String stranger = "someone-else";

		for (Response response : List.of(this.api.get("/v1/keys/" + keyId, stranger),
				this.api.post("/v1/keys/" + keyId + "/deactivate", stranger, null),
				this.api.post("/v1/keys/" + keyId + "/rotate", stranger, null),
				this.api.delete("/v1/keys/" + keyId, stranger))) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).isEqualTo("application/problem+json");
		}
		assertThat(this.api.get("/v1/keys", stranger).body().get("items")).isEmpty();
		assertThat(this.api.get("/v1/keys/" + keyId, this.ownerId).text("status")).isEqualTo("active");
	}

	@Test
	void showsAnExpiredKeyAsActiveButExpired() {
		String expiresAt = Instant.now().plusSeconds(3).toString();
		String keyId = this.api
			.post("/v1/keys", this.ownerId, "{\"name\": \"short\", \"expiresAt\": \"" + expiresAt + "\"}")
			.text("id");

		await().untilAsserted(() -> {
			Response fetched = this.api.get("/v1/keys/" + keyId, this.ownerId);
			assertThat(fetched.body().get("expired").asBoolean()).isTrue();
			assertThat(fetched.text("status")).isEqualTo("active");
		});
	}

	@Test
	void rejectsBadFieldsNamingThem() {
		assertBadField("{\"name\": \"\"}", "name");
		assertBadField("{\"name\": \"x\", \"scopes\": []}", "scopes");
		assertBadField("{\"name\": \"x\", \"scopes\": [\"admin\"]}", "scopes[0]");
		assertBadField("{\"name\": \"x\", \"expiresAt\": \"tomorrow\"}", "expiresAt");
		assertBadField("{\"name\": \"x\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}", "expiresAt");
		assertBadField("{\"name\": \"x\", \"expiresAt\": \"+300000000-01-01T00:00:00Z\"}", "expiresAt");
		assertBadField("{\"name\": \"x\", \"expiresAt\": 1893456000}", "expiresAt");
		assertBadField("{\"name\": \"x\", \"rateLimitPerMinute\": 0}", "rateLimitPerMinute");

		Response malformed = this.api.post("/v1/keys", this.ownerId, "{\"name\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).isEqualTo("application/problem+json");

		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"r\"}").text("id");
		Response badGrace = this.api.post("/v1/keys/" + keyId + "/rotate", this.ownerId,
				"{\"gracePeriodSeconds\": 86401}");
		assertThat(badGrace.status()).isEqualTo(400);
		assertThat(badGrace.invalidFields()).containsExactly("gracePeriodSeconds");
	}

	@Test
	void namesEveryBadFieldOfAKeyAtOnce() {
		Response created = this.api.post("/v1/keys", this.ownerId,
				"{\"name\": \" \", \"scopes\": [], \"rateLimitPerMinute\": 0}");
		String keyId = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"ci\"}").text("id");
		Response changed = this.api.patch("/v1/keys/" + keyId, this.ownerId,
				"{\"name\": \"\", \"rateLimitPerMinute\": -1}");

		assertThat(created.status()).isEqualTo(400);
		assertThat(created.invalidFields()).containsExactly("name", "scopes", "rateLimitPerMinute");
		assertThat(changed.status()).isEqualTo(400);
		assertThat(changed.invalidFields()).containsExactly("name", "rateLimitPerMinute");
		assertThat(this.api.get("/v1/keys/" + keyId, this.ownerId).text("name")).isEqualTo("ci");
	}

	@Test
	void refusesValuesOfTheWrongJsonTypeInsteadOfConvertingThem() {
		Response numericName = this.api.post("/v1/keys", this.ownerId, "{\"name\": 5}");
		assertThat(numericName.status()).isEqualTo(400);
		assertThat(numericName.text("detail")).isEqualTo("name must be a string");
		assertThat(numericName.invalidFields()).containsExactly("name");
		assertThat(numericName.invalidMessages()).containsExactly("must be a string");

		Response textualLimit = this.api.post("/v1/keys", this.ownerId,
				"{\"name\": \"x\", \"rateLimitPerMinute\": \"60\"}");
		assertThat(textualLimit.status()).isEqualTo(400);
		assertThat(textualLimit.text("detail")).isEqualTo("rateLimitPerMinute must be a whole number");

		Response fractionalLimit = this.api.post("/v1/keys", this.ownerId,
				"{\"name\": \"x\", \"rateLimitPerMinute\": 60.5}");
		assertThat(fractionalLimit.status()).isEqualTo(400);
		assertThat(fractionalLimit.invalidFields()).containsExactly("rateLimitPerMinute");

		Response twoNames = this.api.post("/v1/keys", this.ownerId, "{\"name\": \"x\", \"name\": \"y\"}");
		assertThat(twoNames.status()).isEqualTo(400);
		assertThat(twoNames.text("detail")).contains("Duplicate Object property \"name\"");

		Response array = this.api.post("/v1/keys", this.ownerId, "[{\"name\": \"x\"}]");
		assertThat(array.status()).isEqualTo(400);
		assertThat(array.text("detail")).isEqualTo("The body must be a JSON object");
		assertThat(array.invalidFields()).containsExactly("");
		assertThat(array.invalidMessages()).containsExactly("The body must be a JSON object");
	}

	private void assertBadField(String body, String field) {
		Response response = this.api.post("/v1/keys", this.ownerId, body);
		assertThat(response.status()).as(body).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.invalidFields()).as(body).containsExactly(field);
		assertThat(response.text("detail")).contains(field);
	}

	/**
	 * Every page of the owner's keys, {@code limit} a page, by each page's nextCursor.
	 */
	private List<JsonNode> walk(int limit) {
		List<JsonNode> pages = new ArrayList<>();
		String query = "?limit=" + limit;
		while (query != null && pages.size() < MAX_PAGES) {
			Response page = this.api.get("/v1/keys" + query, this.ownerId);
			assertThat(page.status()).as(query).isEqualTo(200);
			pages.add(page.body());
			JsonNode next = page.body().get("nextCursor");
			query = next.isString() ? "?limit=%d&cursor=%s".formatted(limit, next.asString()) : null;
		}
		return pages;
	}

	private static List<String> ids(List<JsonNode> pages) {
		List<String> ids = new ArrayList<>();
		pages.forEach((page) -> page.get("items").forEach((key) -> ids.add(key.get("id").asString())));
		return ids;
	}

	/** The keys' ids by createdAt, then id, both descending. */
	private static List<String> newestFirst(List<JsonNode> keys) {
		return keys.stream()
			.sorted(Comparator.comparing((JsonNode key) -> Instant.parse(key.get("createdAt").asString()))
				.thenComparing((key) -> key.get("id").asString())
				.reversed())
			.map((key) -> key.get("id").asString())
			.toList();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

}
