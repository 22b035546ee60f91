package dev.flowgate.delivery.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.OwnerDeleted;
import dev.flowgate.contracts.Topics;
import dev.flowgate.delivery.support.ApiClient;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
import dev.flowgate.delivery.support.Receiver.Request;
import dev.flowgate.delivery.support.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * An owner the platform admin deleted ({@code OwnerDeleted} on {@code flowgate.owners})
 * loses everything delivery-service kept of it: its deliveries, pending ones included,
 * with their attempts, its signing secret and its disabled callbacks; its receiver hears
 * nothing more, not even of a result that comes later. Another owner's stay as they were.
 * Both owners' receivers answer {@code /gone} with 410, hang on {@code /slow} (past the
 * test's 1.5 s timeout), take {@code /ok} and answer anything else 503 with
 * {@code Retry-After: 2}: those deliveries stay pending and are tried every 2 s (the test
 * schedule's 5 attempts).
 */
@DeliveryIntegrationTest
class DeletedOwnerTest {

	@Autowired
	private ApiClient api;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private KafkaTemplate<String, FlowgateEvent> kafka;

	@RegisterExtension
	final Receiver deletedOwnersReceiver = Receiver.start().respond(DeletedOwnerTest::failing);

	@RegisterExtension
	final Receiver keptOwnersReceiver = Receiver.start().respond(DeletedOwnerTest::failing);

	private final String deleted = "owner-" + UUID.randomUUID();

	private final String kept = "owner-" + UUID.randomUUID();

	@Test
	void erasesTheDeletedOwnersDeliveriesSecretAndStopsAndLeavesTheOtherOwnersAlone() throws Exception {
		reveal(this.deleted);
		String keptSecret = reveal(this.kept);
		String keptFingerprint = this.api.get("/v1/webhook-secret", this.kept).text("fingerprint");
		ExecutionCompleted pending = Results.succeeded(this.deleted, "dep-a", this.deletedOwnersReceiver.url("/hook"),
				"ops-" + UUID.randomUUID() + "@example.com", Map.of("n", 1));
		ExecutionCompleted gone = callback(this.deleted, "dep-a", this.deletedOwnersReceiver.url("/gone"));
		ExecutionCompleted inFlight = callback(this.deleted, "dep-a", this.deletedOwnersReceiver.url("/slow"));
		ExecutionCompleted keptPending = callback(this.kept, "dep-b", this.keptOwnersReceiver.url("/hook"));
		ExecutionCompleted keptGone = callback(this.kept, "dep-b", this.keptOwnersReceiver.url("/gone"));
		List.of(pending, gone, keptPending, keptGone).forEach(this.deliveries::publish);
		this.deliveries.awaitStatus(this.deleted, pending.executionId(), "email", "succeeded");
		JsonNode pendingCallback = awaitAttemptedAndPending(this.deleted, pending);
		this.deliveries.awaitStatus(this.deleted, gone.executionId(), "failed");
		awaitAttemptedAndPending(this.kept, keptPending);
		this.deliveries.awaitStatus(this.kept, keptGone.executionId(), "failed");
		assertThat(disabledCallbacks(this.deleted)).hasSize(1);
		assertThat(disabledCallbacks(this.kept)).hasSize(1);
		List<String> deletedOwnersDeliveries = deliveryIds(this.deleted);
		assertThat(deletedOwnersDeliveries).hasSize(3).contains(pendingCallback.get("id").asString());
		// The owner is deleted while an attempt of theirs waits for the receiver.
		this.deliveries.publish(inFlight);
		await().atMost(Deliveries.WAIT)
			.until(() -> this.deletedOwnersReceiver.requestsFor(inFlight.executionId()), (found) -> !found.isEmpty());

		publishDeletion(this.deleted);

		await().atMost(Deliveries.WAIT).untilAsserted(() -> {
			assertThat(deliveryIds(this.deleted)).isEmpty();
			assertThat(disabledCallbacks(this.deleted)).isEmpty();
			assertThat(this.api.get("/v1/webhook-secret", this.deleted).status()).isEqualTo(404);
		});
		int heardByTheDeletedOwner = this.deletedOwnersReceiver.requests().size();
		int keptAttemptsThen = this.keptOwnersReceiver.requestsFor(keptPending.executionId()).size();
		for (ExecutionCompleted result : List.of(pending, gone, inFlight)) {
			assertThat(this.api.get("/v1/executions/" + result.executionId() + "/deliveries", this.deleted).status())
				.isEqualTo(404);
		}
		for (String deliveryId : deletedOwnersDeliveries) {
			assertThat(this.api.get("/v1/deliveries/" + deliveryId, this.deleted).status()).isEqualTo(404);
		}
		// A result of an execution that was still running: nothing of it is kept or sent.
		// Published ahead of another owner's in one partition, so it has been read once
		// that one is delivered.
		ExecutionCompleted late = callback(this.deleted, "dep-a", this.deletedOwnersReceiver.url("/hook"));
		ExecutionCompleted after = callback(this.kept, "dep-b", this.keptOwnersReceiver.url("/ok"));
		publishInOnePartition(late, after);
		this.deliveries.awaitStatus(this.kept, after.executionId(), "succeeded");
		assertThat(this.deliveries.of(this.deleted, late.executionId())).isEmpty();

		// The other owner's callbacks go on (two more tries of its pending one, when the
		// deleted owner's would have been tried too); the deleted owner's receiver hears
		// nothing more.
		await().atMost(Deliveries.WAIT)
			.until(() -> this.keptOwnersReceiver.requestsFor(keptPending.executionId()).size() >= keptAttemptsThen + 2);
		assertThat(this.deletedOwnersReceiver.requests()).hasSize(heardByTheDeletedOwner);
		assertThat(this.deletedOwnersReceiver.requestsFor(late.executionId())).isEmpty();
		assertThat(this.deliveries.of(this.deleted, inFlight.executionId())).as("nothing the attempt in flight wrote")
			.isEmpty();
		assertThat(deliveryIds(this.deleted)).isEmpty();
		assertThat(disabledCallbacks(this.deleted)).isEmpty();

		JsonNode keptDelivery = this.deliveries.of(this.kept, keptPending.executionId()).get(0);
		assertThat(keptDelivery.get("attemptCount").asInt()).isGreaterThanOrEqualTo(keptAttemptsThen + 2);
		assertThat(keptDelivery.get("attempts").size()).isEqualTo(keptDelivery.get("attemptCount").asInt());
		assertThat(this.deliveries.of(this.kept, keptGone.executionId())).singleElement()
			.satisfies((delivery) -> assertThat(delivery.get("status").asString()).isEqualTo("failed"));
		assertThat(disabledCallbacks(this.kept)).hasSize(1);
		assertThat(this.api.get("/v1/webhook-secret", this.kept).text("fingerprint")).isEqualTo(keptFingerprint);
		List<Request> keptRequests = this.keptOwnersReceiver.requestsFor(keptPending.executionId());
		Request lastKept = keptRequests.get(keptRequests.size() - 1);
		assertThatNoException().isThrownBy(() -> new Webhook(keptSecret).verify(lastKept.body(), lastKept.headers()));
	}

	private static Reply failing(Request request) {
		if (request.path().startsWith("/ok")) {
			return Reply.status(204);
		}
		if (request.path().startsWith("/gone")) {
			return Reply.status(410);
		}
		if (request.path().startsWith("/slow")) {
			return Reply.hangs();
		}
		return Reply.status(503).withHeader("Retry-After", "2");
	}

	private static ExecutionCompleted callback(String ownerId, String deploymentId, String url) {
		return Results.succeeded(ownerId, deploymentId, url, null, Map.of("answer", "42"));
	}

	/** Shows the owner's secret, as a receiver's operator does. */
	private String reveal(String ownerId) {
		ApiClient.Response response = this.api.post("/v1/webhook-secret/rotate", ownerId, null);
		assertThat(response.status()).isEqualTo(200);
		return response.text("secret");
	}

	private JsonNode awaitAttemptedAndPending(String ownerId, ExecutionCompleted result) {
		return await().atMost(Deliveries.WAIT)
			.until(() -> this.deliveries.of(ownerId, result.executionId())
				.stream()
				.filter((delivery) -> delivery.get("channel").asString().equals("callback"))
				.findFirst()
				.orElse(null),
					(delivery) -> delivery != null && delivery.get("status").asString().equals("pending")
							&& delivery.get("attemptCount").asInt() >= 1);
	}

	/** The ids of the owner's deliveries, as the list shows them. */
	private List<String> deliveryIds(String ownerId) {
		ApiClient.Response response = this.api.get("/v1/deliveries?limit=100", ownerId);
		assertThat(response.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.body().get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private List<JsonNode> disabledCallbacks(String ownerId) {
		ApiClient.Response response = this.api.get("/v1/callbacks/disabled", ownerId);
		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		response.body().get("items").forEach(items::add);
		return items;
	}

	/** As key-service publishes it once the admin deleted the owner. */
	private void publishDeletion(String ownerId) throws Exception {
		this.kafka
			.send(Topics.OWNERS.name(), ownerId,
					new OwnerDeleted(UUID.randomUUID(), OwnerDeleted.SCHEMA_VERSION, Instant.now(), ownerId))
			.get();
	}

	/** Under one key: one partition, read in this order. */
	private void publishInOnePartition(ExecutionCompleted first, ExecutionCompleted second) throws Exception {
		String key = first.executionId();
		this.kafka.send(Topics.EXECUTIONS_COMPLETED.name(), key, first).get();
		this.kafka.send(Topics.EXECUTIONS_COMPLETED.name(), key, second).get();
	}

}
