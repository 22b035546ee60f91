package dev.flowgate.delivery.messaging;

import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryFailed;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.support.ApiClient;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.FailedDeliveries;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
import dev.flowgate.delivery.support.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 410 answer stops the delivery and the owner's callbacks of that deployment to that
 * URL.
 */
@DeliveryIntegrationTest
class GoneTest {

	private static final String DEPLOYMENT = "dep-gone";

	@Autowired
	private ApiClient api;

	@Autowired
	private Deliveries deliveries;

	@RegisterExtension
	final Receiver receiver = Receiver.start();

	private final String owner = "owner-" + UUID.randomUUID();

	@Test
	void stopsAtTheFirst410AndDisablesTheDeploymentsCallbacksToThatUrlUntilEnabled() {
		this.receiver.respond((request) -> Reply.status(410));
		ExecutionCompleted gone = callback();

		this.deliveries.publish(gone);
		JsonNode failed = this.deliveries.awaitStatus(this.owner, gone.executionId(), "failed");

		assertThat(failed.get("attemptCount").asInt()).isEqualTo(1);
		assertThat(failed.get("lastError").asString()).startsWith("HTTP 410 Gone; callbacks of deployment dep-gone")
			.endsWith("are disabled until enabled");
		JsonNode disabled = this.api.get("/v1/callbacks/disabled", this.owner).body().get("items");
		assertThat(disabled.size()).isEqualTo(1);
		assertThat(disabled.get(0).get("deploymentId").asString()).isEqualTo(DEPLOYMENT);
		assertThat(disabled.get(0).get("callbackUrl").asString()).isEqualTo(this.receiver.url("/hook"));
		assertThat(this.api.get("/v1/callbacks/disabled", "someone-else").body().get("items").size()).isZero();
		try (FailedDeliveries events = new FailedDeliveries()) {
			DeliveryFailed event = await().atMost(Deliveries.WAIT)
				.until(() -> events.of(failed.get("id").asString()), (found) -> !found.isEmpty())
				.get(0);
			assertThat(event.attempts()).isEqualTo(1);
		}

		this.receiver.respond((request) -> Reply.status(200));
		ExecutionCompleted skipped = callback();
		this.deliveries.publish(skipped);
		JsonNode notSent = this.deliveries.awaitStatus(this.owner, skipped.executionId(), "skipped");
		assertThat(notSent.get("attemptCount").asInt()).isZero();
		assertThat(notSent.get("lastError").asString()).contains("disabled");
		assertThat(this.receiver.requestsFor(skipped.executionId())).isEmpty();
		ExecutionCompleted elsewhere = Results.succeeded(this.owner, DEPLOYMENT, this.receiver.url("/own-hook"), null,
				Map.of("answer", "42"));
		this.deliveries.publish(elsewhere);
		this.deliveries.awaitStatus(this.owner, elsewhere.executionId(), "succeeded");

		// Answered as for a deployment with nothing disabled: nothing of this owner's
		// shows.
		assertThat(this.api.post("/v1/callbacks/" + DEPLOYMENT + "/enable", "someone-else", null).status())
			.isEqualTo(204);
		assertThat(this.api.get("/v1/callbacks/disabled", this.owner).body().get("items").size()).isEqualTo(1);
		assertThat(this.api.post("/v1/callbacks/" + DEPLOYMENT + "/enable", this.owner, null).status()).isEqualTo(204);
		assertThat(this.api.get("/v1/callbacks/disabled", this.owner).body().get("items").size()).isZero();
		ExecutionCompleted enabled = callback();
		this.deliveries.publish(enabled);
		this.deliveries.awaitStatus(this.owner, enabled.executionId(), "succeeded");
		assertThat(this.receiver.requestsFor(enabled.executionId())).hasSize(1);
	}

	private ExecutionCompleted callback() {
		return Results.succeeded(this.owner, DEPLOYMENT, this.receiver.url("/hook"), null, Map.of("answer", "42"));
	}

}
