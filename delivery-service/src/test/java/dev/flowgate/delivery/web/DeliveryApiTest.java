package dev.flowgate.delivery.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.support.ApiClient;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
import dev.flowgate.delivery.support.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The attempt log and replays, as the gateway calls them. */
@DeliveryIntegrationTest
class DeliveryApiTest {

	@Autowired
	private ApiClient api;

	@Autowired
	private Deliveries deliveries;

	@RegisterExtension
	final Receiver receiver = Receiver.start();

	private final String owner = "owner-" + UUID.randomUUID();

	@Test
	void showsEveryAttemptWithStatusLatencyErrorAndCappedResponse() {
		AtomicInteger calls = new AtomicInteger();
		String longAnswer = "y".repeat(5000);
		this.receiver.respond((request) -> (calls.incrementAndGet() == 1) ? Reply.status(502).withBody(longAnswer)
				: Reply.status(200).withBody("thanks"));
		ExecutionCompleted result = callback();

		this.deliveries.publish(result);
		this.deliveries.awaitStatus(this.owner, result.executionId(), "succeeded");
		ApiClient.Response response = this.api.get("/v1/executions/" + result.executionId() + "/deliveries",
				this.owner);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("executionId")).isEqualTo(result.executionId());
		JsonNode delivery = response.body().get("deliveries").get(0);
		assertThat(delivery.get("channel").asString()).isEqualTo("callback");
		assertThat(delivery.get("destination").asString()).isEqualTo(this.receiver.url("/hook"));
		assertThat(delivery.get("finishedAt").isNull()).isFalse();
		JsonNode first = delivery.get("attempts").get(0);
		JsonNode second = delivery.get("attempts").get(1);
		assertThat(first.get("number").asInt()).isEqualTo(1);
		assertThat(first.get("statusCode").asInt()).isEqualTo(502);
		assertThat(first.get("error").asString()).isEqualTo("HTTP 502");
		// 1 KB in the tests (20 KB by default).
		assertThat(first.get("responseSnippet").asString()).isEqualTo("y".repeat(1024));
		assertThat(first.get("latencyMillis").asLong()).isNotNegative();
		assertThat(first.get("startedAt").asString()).isNotBlank();
		assertThat(second.get("statusCode").asInt()).isEqualTo(200);
		assertThat(second.get("responseSnippet").asString()).isEqualTo("thanks");
		assertThat(this.api.get("/v1/deliveries/" + delivery.get("id").asString(), this.owner).body())
			.isEqualTo(delivery);
	}

	@Test
	void replaysASucceededDeliveryNowWithTheSameWebhookId() {
		ExecutionCompleted result = callback();
		this.deliveries.publish(result);
		JsonNode delivered = this.deliveries.awaitStatus(this.owner, result.executionId(), "succeeded");
		String id = delivered.get("id").asString();

		ApiClient.Response retry = this.api.post("/v1/deliveries/" + id + "/retry", this.owner, null);

		assertThat(retry.status()).isEqualTo(202);
		assertThat(retry.text("id")).isEqualTo(id);
		JsonNode replayed = awaitDelivery(result,
				(delivery) -> attemptCount(delivery) == 2 && delivery.get("status").asString().equals("succeeded"));
		assertThat(replayed.get("attempts").get(1).get("statusCode").asInt()).isEqualTo(204);
		assertThat(this.receiver.requestsFor(result.executionId())).hasSize(2)
			.extracting((request) -> request.header("webhook-id"))
			.containsOnly(id);
	}

	@Test
	void replaysAFailedDeliveryWithAFreshRoundOfAttempts() {
		this.receiver.respond((request) -> Reply.status(500));
		ExecutionCompleted result = callback();
		this.deliveries.publish(result);
		String id = this.deliveries.awaitStatus(this.owner, result.executionId(), "failed").get("id").asString();

		this.receiver.respond((request) -> Reply.status(200));
		assertThat(this.api.post("/v1/deliveries/" + id + "/retry", this.owner, null).status()).isEqualTo(202);

		JsonNode replayed = this.deliveries.awaitStatus(this.owner, result.executionId(), "succeeded");
		assertThat(replayed.get("attemptCount").asInt()).isEqualTo(6);
		assertThat(replayed.get("attempts").get(5).get("number").asInt()).isEqualTo(6);
	}

	@Test
	void refusesToReplayADeliveryThatIsStillScheduled() {
		this.receiver.respond((request) -> Reply.status(503).withHeader("Retry-After", "3"));
		ExecutionCompleted result = callback();
		this.deliveries.publish(result);
		String id = awaitDelivery(result, (delivery) -> attemptCount(delivery) == 1).get("id").asString();

		ApiClient.Response retry = this.api.post("/v1/deliveries/" + id + "/retry", this.owner, null);

		assertThat(retry.status()).isEqualTo(409);
		assertThat(retry.contentType()).isEqualTo("application/problem+json");
		assertThat(retry.text("type")).isEqualTo("/problems/delivery-pending");
		assertThat(retry.text("detail")).contains("still scheduled");
	}

	@Test
	void anotherOwnersDeliveriesAreNotFound() {
		ExecutionCompleted result = callback();
		this.deliveries.publish(result);
		String id = this.deliveries.awaitStatus(this.owner, result.executionId(), "succeeded").get("id").asString();

		ApiClient.Response list = this.api.get("/v1/executions/" + result.executionId() + "/deliveries", "intruder");
		ApiClient.Response one = this.api.get("/v1/deliveries/" + id, "intruder");
		ApiClient.Response retry = this.api.post("/v1/deliveries/" + id + "/retry", "intruder", null);

		assertThat(list.status()).isEqualTo(404);
		assertThat(list.contentType()).isEqualTo("application/problem+json");
		assertThat(one.status()).isEqualTo(404);
		assertThat(retry.status()).isEqualTo(404);
		assertThat(this.receiver.requestsFor(result.executionId())).hasSize(1);
	}

	@Test
	void listsTheOwnersDeliveriesNewestFirstAndByStatus() {
		ExecutionCompleted failing = callback();
		this.receiver.respond(
				(request) -> request.body().contains(failing.executionId()) ? Reply.status(500) : Reply.status(200));
		this.deliveries.publish(failing);
		String failed = this.deliveries.awaitStatus(this.owner, failing.executionId(), "failed").get("id").asString();
		ExecutionCompleted second = callback();
		this.deliveries.publish(second);
		String middle = this.deliveries.awaitStatus(this.owner, second.executionId(), "succeeded").get("id").asString();
		ExecutionCompleted third = callback();
		this.deliveries.publish(third);
		String newest = this.deliveries.awaitStatus(this.owner, third.executionId(), "succeeded").get("id").asString();

		JsonNode firstPage = this.api.get("/v1/deliveries?limit=2", this.owner).body();
		JsonNode secondPage = this.api
			.get("/v1/deliveries?limit=2&cursor=" + firstPage.get("nextCursor").asString(), this.owner)
			.body();
		JsonNode onlyFailed = this.api.get("/v1/deliveries?status=failed", this.owner).body();

		assertThat(ids(firstPage)).containsExactly(newest, middle);
		assertThat(ids(secondPage)).containsExactly(failed);
		assertThat(secondPage.get("nextCursor").isNull()).isTrue();
		assertThat(ids(onlyFailed)).containsExactly(failed);
		assertThat(onlyFailed.get("items").get(0).get("attemptCount").asInt()).isEqualTo(5);
		assertThat(ids(this.api.get("/v1/deliveries", "intruder").body())).isEmpty();
		ApiClient.Response wrongStatus = this.api.get("/v1/deliveries?status=lost", this.owner);
		assertThat(wrongStatus.status()).isEqualTo(400);
		assertThat(wrongStatus.invalidFields()).containsExactly("status");
		assertThat(wrongStatus.invalidMessages()).singleElement().asString().startsWith("must be one of ");
		assertThat(wrongStatus.text("detail")).startsWith("status must be one of ");
		assertThat(this.api.get("/v1/deliveries?limit=0", this.owner).status()).isEqualTo(400);
		assertThat(this.api.get("/v1/deliveries?cursor=bm9wZQ", this.owner).status()).isEqualTo(400);
	}

	@Test
	void listsEachDeliveryWithItsLastAttemptAloneAndShowsTheWholeLogOnItsOwn() {
		String answer = "z".repeat(1024);
		this.receiver.respond((request) -> Reply.status(500).withBody(answer));
		ExecutionCompleted failing = callback();
		this.deliveries.publish(failing);
		String id = this.deliveries.awaitStatus(this.owner, failing.executionId(), "failed").get("id").asString();

		JsonNode listed = this.api.get("/v1/deliveries?status=failed", this.owner).body().get("items").get(0);
		JsonNode whole = this.api.get("/v1/deliveries/" + id, this.owner).body();

		assertThat(listed.get("id").asString()).isEqualTo(id);
		assertThat(listed.get("attemptCount").asInt()).isEqualTo(5);
		assertThat(listed.has("attempts")).as("no attempt log in lists").isFalse();
		assertThat(listed.get("lastAttempt")).isEqualTo(whole.get("attempts").get(4));
		assertThat(listed.get("lastAttempt").get("number").asInt()).isEqualTo(5);
		assertThat(listed.get("lastAttempt").get("responseSnippet").asString()).isEqualTo(answer);
		assertThat(whole.get("attempts")).hasSize(5);
		assertThat(whole.get("attemptCount").asInt()).isEqualTo(5);
	}

	@Test
	void recoversTheFailedDeliveriesOnceTheReceiverIsBack() {
		this.receiver.respond((request) -> Reply.status(500));
		ExecutionCompleted first = callback();
		ExecutionCompleted second = callback();
		this.deliveries.publish(first);
		this.deliveries.publish(second);
		// Both fail, after their attempts or (the breaker having opened on their 6 failed
		// calls) once their schedule ran out.
		int firstAttempts = this.deliveries.awaitStatus(this.owner, first.executionId(), "failed")
			.get("attemptCount")
			.asInt();
		this.deliveries.awaitStatus(this.owner, second.executionId(), "failed");
		this.receiver.respond((request) -> Reply.status(200));

		ApiClient.Response later = this.api.post("/v1/deliveries/recover", this.owner,
				"{\"since\":\"" + Instant.now().plusSeconds(60) + "\"}");
		ApiClient.Response recovery = this.api.post("/v1/deliveries/recover", this.owner, null);

		assertThat(later.body().get("scheduled").asInt()).isZero();
		assertThat(recovery.status()).isEqualTo(202);
		assertThat(recovery.body().get("scheduled").asInt()).isEqualTo(2);
		assertThat(recovery.body().get("more").asBoolean()).isFalse();
		assertThat(recovery.body().get("nextCursor").isNull()).isTrue();
		JsonNode recovered = this.deliveries.awaitStatus(this.owner, first.executionId(), "succeeded");
		assertThat(recovered.get("attemptCount").asInt()).isEqualTo(firstAttempts + 1);
		this.deliveries.awaitStatus(this.owner, second.executionId(), "succeeded");
		assertThat(this.api.post("/v1/deliveries/recover", this.owner, null).body().get("scheduled").asInt()).isZero();
		assertThat(this.api.post("/v1/deliveries/recover", "intruder", null).body().get("scheduled").asInt()).isZero();
		assertThat(this.api.post("/v1/deliveries/recover", this.owner, "{\"since\":\"yesterday\"}").status())
			.isEqualTo(400);
		ApiClient.Response wrongCursor = this.api.post("/v1/deliveries/recover", this.owner, "{\"cursor\":\"bm9wZQ\"}");
		assertThat(wrongCursor.status()).isEqualTo(400);
		assertThat(wrongCursor.invalidFields()).containsExactly("cursor");
		assertThat(wrongCursor.invalidMessages()).containsExactly("is not a cursor from a previous page or recovery");
		assertThat(wrongCursor.text("detail")).isEqualTo("cursor is not a cursor from a previous page or recovery");
	}

	@Test
	void rejectsCallsWithoutTheInternalToken() {
		ApiClient.Response noToken = this.api
			.send(MockMvcRequestBuilders.get("/v1/webhook-secret").header("X-Flowgate-Owner-Id", this.owner), null);
		ApiClient.Response wrongToken = this.api.send(MockMvcRequestBuilders.post("/v1/deliveries/x/retry")
			.header("X-Flowgate-Internal-Token", "guess")
			.header("X-Flowgate-Owner-Id", this.owner), null);

		assertThat(noToken.status()).isEqualTo(401);
		assertThat(noToken.contentType()).isEqualTo("application/problem+json");
		assertThat(wrongToken.status()).isEqualTo(401);
	}

	@Test
	void requiresTheOwnerHeader() {
		ApiClient.Response response = this.api.send(MockMvcRequestBuilders.get("/v1/webhook-secret")
			.header("X-Flowgate-Internal-Token", ApiClient.INTERNAL_TOKEN), null);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
	}

	private ExecutionCompleted callback() {
		return Results.succeeded(this.owner, "dep-api", this.receiver.url("/hook"), null, Map.of("answer", "42"));
	}

	private JsonNode awaitDelivery(ExecutionCompleted result, Predicate<JsonNode> condition) {
		return await().atMost(Deliveries.WAIT)
			.until(() -> this.deliveries.of(this.owner, result.executionId()),
					(found) -> !found.isEmpty() && condition.test(found.get(0)))
			.get(0);
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

	private static int attemptCount(JsonNode delivery) {
		return delivery.get("attemptCount").asInt();
	}

}
