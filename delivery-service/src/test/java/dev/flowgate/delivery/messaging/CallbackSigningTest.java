package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.delivery.support.ApiClient;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Request;
import dev.flowgate.delivery.support.Results;
import dev.flowgate.delivery.support.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Callbacks are signed per Standard Webhooks, checked with the reference library
 * ({@code com.standardwebhooks:standardwebhooks}), not with our own code.
 */
@DeliveryIntegrationTest
class CallbackSigningTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final long TOLERANCE_SECONDS = 300;

	/** Just past the tolerance, clear of a second boundary during the check. */
	private static final long MARGIN_SECONDS = 5;

	private static Receiver receiver;

	@Autowired
	private JsonMapper json;

	@Autowired
	private KafkaTemplate<String, FlowgateEvent> kafka;

	@Autowired
	private ApiClient api;

	private String owner;

	@BeforeAll
	static void startReceiver() {
		receiver = Receiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@BeforeEach
	void newOwner() {
		this.owner = "owner-" + UUID.randomUUID();
	}

	@Test
	void signsTheCallbackSoTheReferenceLibraryVerifiesIt() throws Exception {
		String secret = revealSecret();
		ExecutionCompleted result = Results.succeeded(this.owner, "dep-signed", receiver.url("/hook?source=flowgate"),
				null, Map.of("answer", "42", "items", List.of(1, 2)));

		publish(result);
		Request request = onlyRequestFor(result.executionId());

		assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(request.body(), request.headers()));
		assertThat(request.path()).isEqualTo("/hook?source=flowgate");
		assertThat(request.header("content-type")).startsWith("application/json");
		assertThat(Long.parseLong(request.header("webhook-timestamp"))).isCloseTo(System.currentTimeMillis() / 1000,
				org.assertj.core.data.Offset.offset(30L));
		String deliveryId = deliveries(result.executionId()).get(0).get("id").asString();
		assertThat(request.header("webhook-id")).isEqualTo(deliveryId);
	}

	@Test
	void sendsTheDocumentedPayload() throws Exception {
		revealSecret();
		ExecutionCompleted result = Results.failed(this.owner, "dep-payload", receiver.url("/hook"), null,
				new ExecutionError("llm-1", "node_failed", "model unavailable"));

		publish(result);
		JsonNode payload = this.json.readTree(onlyRequestFor(result.executionId()).body());

		assertThat(payload.propertyNames()).containsExactly("type", "execution_id", "deployment_id", "deployment_name",
				"status", "output_data", "error", "duration_seconds", "started_at", "finished_at",
				"cancel_requested_at", "timestamp");
		assertThat(payload.get("type").asString()).isEqualTo("execution.completed");
		assertThat(payload.get("execution_id").asString()).isEqualTo(result.executionId());
		assertThat(payload.get("deployment_id").asString()).isEqualTo("dep-payload");
		assertThat(payload.get("deployment_name").asString()).isEqualTo(Results.NAME);
		assertThat(payload.get("status").asString()).isEqualTo("failed");
		assertThat(payload.get("error").get("code").asString()).isEqualTo("node_failed");
		assertThat(payload.get("error").get("node_id").asString()).isEqualTo("llm-1");
		assertThat(payload.get("duration_seconds").asDouble()).isEqualTo(1.25);
		assertThat(payload.get("finished_at").asString()).isEqualTo(result.finishedAt().toString());
		assertThat(payload.get("cancel_requested_at").isNull()).isTrue();
		assertThat(payload.get("timestamp").asString()).isEqualTo(result.occurredAt().toString());
	}

	@Test
	void theReferenceLibraryRejectsATamperedBodyOrAStaleTimestamp() throws Exception {
		Webhook webhook = new Webhook(revealSecret());
		ExecutionCompleted result = Results.succeeded(this.owner, "dep-tamper", receiver.url("/hook"), null,
				Map.of("answer", "42"));

		publish(result);
		Request request = onlyRequestFor(result.executionId());
		String tampered = request.body().replace("\"42\"", "\"43\"");
		long now = System.currentTimeMillis() / 1000;

		assertThat(tampered).hasSameSizeAs(request.body());
		assertThatThrownBy(() -> webhook.verify(tampered, request.headers()))
			.isInstanceOf(WebhookVerificationException.class);
		assertThatThrownBy(
				() -> webhook.verify(request.body(), withTimestamp(request, now - TOLERANCE_SECONDS - MARGIN_SECONDS)))
			.isInstanceOf(WebhookVerificationException.class)
			.hasMessageContaining("too old");
		assertThatThrownBy(
				() -> webhook.verify(request.body(), withTimestamp(request, now + TOLERANCE_SECONDS + MARGIN_SECONDS)))
			.isInstanceOf(WebhookVerificationException.class)
			.hasMessageContaining("too new");
	}

	@Test
	void signsWithBothSecretsDuringARotationOverlap() throws Exception {
		String before = revealSecret();
		String after = this.api.post("/v1/webhook-secret/rotate", this.owner, "{\"overlapSeconds\":600}")
			.text("secret");
		ExecutionCompleted result = Results.succeeded(this.owner, "dep-rotated", receiver.url("/hook"), null,
				Map.of("answer", "42"));

		publish(result);
		Request request = onlyRequestFor(result.executionId());

		assertThat(after).isNotEqualTo(before);
		assertThat(request.header("webhook-signature").split(" ")).hasSize(2).allMatch((s) -> s.startsWith("v1,"));
		assertThatNoException().isThrownBy(() -> new Webhook(after).verify(request.body(), request.headers()));
		assertThatNoException().isThrownBy(() -> new Webhook(before).verify(request.body(), request.headers()));
	}

	@Test
	void signsWithTheNewSecretOnlyWhenTheRotationHasNoOverlap() throws Exception {
		String before = revealSecret();
		String after = this.api.post("/v1/webhook-secret/rotate", this.owner, "{\"overlapSeconds\":0}").text("secret");
		ExecutionCompleted result = Results.succeeded(this.owner, "dep-rotated", receiver.url("/hook"), null,
				Map.of("answer", "42"));

		publish(result);
		Request request = onlyRequestFor(result.executionId());

		assertThat(request.header("webhook-signature").split(" ")).hasSize(1);
		assertThatNoException().isThrownBy(() -> new Webhook(after).verify(request.body(), request.headers()));
		assertThatThrownBy(() -> new Webhook(before).verify(request.body(), request.headers()))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Test
	void connectsToTheCheckedAddressButKeepsTheHostName() throws Exception {
		String secret = revealSecret();
		String url = "http://" + TestHosts.RECEIVER + ":" + receiver.port() + "/named";
		ExecutionCompleted result = Results.succeeded(this.owner, "dep-named", url, null, Map.of("answer", "42"));

		publish(result);
		Request request = onlyRequestFor(result.executionId());

		assertThat(request.header("host")).isEqualTo(TestHosts.RECEIVER + ":" + receiver.port());
		assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(request.body(), request.headers()));
	}

	@Test
	void triesTheHostsNextAddressWhenOneRefusesTheConnection() throws Exception {
		String url = "http://" + TestHosts.SECOND_ADDRESS + ":" + receiver.port() + "/second";
		ExecutionCompleted result = Results.succeeded(this.owner, "dep-second", url, null, Map.of("answer", "42"));

		publish(result);
		Request request = onlyRequestFor(result.executionId());

		assertThat(request.header("host")).isEqualTo(TestHosts.SECOND_ADDRESS + ":" + receiver.port());
		JsonNode delivery = await().atMost(Deliveries.WAIT)
			.until(() -> deliveries(result.executionId()).get(0),
					(found) -> found.get("status").asString().equals("succeeded"));
		assertThat(delivery.get("attempts")).hasSize(1);
	}

	@Test
	void aRedeliveredResultCreatesNothingNew() throws Exception {
		revealSecret();
		ExecutionCompleted result = Results.succeeded(this.owner, "dep-twice", receiver.url("/hook"), null,
				Map.of("answer", "42"));
		publish(result);
		awaitSucceeded(result.executionId());

		publish(result);
		// Same record key, so the marker is consumed after the redelivered result.
		ExecutionCompleted marker = Results.succeeded(this.owner, "dep-twice", receiver.url("/hook"), null, Map.of());
		this.kafka.send(Topics.EXECUTIONS_COMPLETED.name(), result.executionId(), marker).get();
		awaitSucceeded(marker.executionId());

		assertThat(receiver.requestsFor(result.executionId())).hasSize(1);
		JsonNode deliveries = deliveries(result.executionId());
		assertThat(deliveries.size()).isEqualTo(1);
		assertThat(deliveries.get(0).get("attemptCount").asInt()).isEqualTo(1);
	}

	private void awaitSucceeded(String executionId) {
		await().atMost(WAIT).until(() -> {
			ApiClient.Response response = this.api.get("/v1/executions/" + executionId + "/deliveries", this.owner);
			return response.status() == 200
					&& response.body().get("deliveries").get(0).get("status").asString().equals("succeeded");
		});
	}

	private JsonNode deliveries(String executionId) {
		return this.api.get("/v1/executions/" + executionId + "/deliveries", this.owner).body().get("deliveries");
	}

	private String revealSecret() {
		ApiClient.Response response = this.api.post("/v1/webhook-secret/rotate", this.owner, null);
		assertThat(response.status()).isEqualTo(200);
		return response.text("secret");
	}

	private void publish(ExecutionCompleted result) throws Exception {
		this.kafka.send(Topics.EXECUTIONS_COMPLETED.name(), result.executionId(), result).get();
	}

	private Request onlyRequestFor(String executionId) {
		return await().atMost(WAIT).until(() -> receiver.requestsFor(executionId), (found) -> found.size() == 1).get(0);
	}

	private static Map<String, List<String>> withTimestamp(Request request, long timestamp) {
		Map<String, List<String>> headers = new HashMap<>();
		request.headers().forEach((name, values) -> {
			if (!name.equalsIgnoreCase("webhook-timestamp")) {
				headers.put(name, values);
			}
		});
		headers.put("webhook-timestamp", List.of(Long.toString(timestamp)));
		return headers;
	}

}
