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
import dev.flowgate.delivery.support.Results;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Results over the payload limit (64 KB in the tests, 2 MB by default) are not sent. */
@DeliveryIntegrationTest
class PayloadLimitTest {

	private static final int OVER_THE_LIMIT = 70 * 1024;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private ApiClient api;

	@Test
	void failsAnOversizePayloadWithoutSendingIt() {
		String owner = "owner-" + UUID.randomUUID();
		try (Receiver receiver = Receiver.start(); FailedDeliveries events = new FailedDeliveries()) {
			ExecutionCompleted result = Results.succeeded(owner, "dep-big", receiver.url("/hook"), null,
					Map.of("text", "x".repeat(OVER_THE_LIMIT)));

			this.deliveries.publish(result);

			JsonNode delivery = this.deliveries.awaitStatus(owner, result.executionId(), "failed");
			assertThat(delivery.get("attemptCount").asInt()).isZero();
			assertThat(delivery.get("lastError").asString())
				.matches("Payload of \\d+ bytes exceeds the limit of " + 64 * 1024 + " bytes; not sent");
			DeliveryFailed event = await().atMost(Deliveries.WAIT)
				.until(() -> events.of(delivery.get("id").asString()), (found) -> !found.isEmpty())
				.get(0);
			assertThat(event.lastError()).isEqualTo(delivery.get("lastError").asString());
			assertThat(receiver.requests()).isEmpty();
		}
	}

	@Test
	void refusesReplayOfADeliveryNeverKept() {
		String owner = "owner-" + UUID.randomUUID();
		try (Receiver receiver = Receiver.start()) {
			ExecutionCompleted result = Results.succeeded(owner, "dep-big", receiver.url("/hook"), null,
					Map.of("text", "x".repeat(OVER_THE_LIMIT)));
			this.deliveries.publish(result);
			String id = this.deliveries.awaitStatus(owner, result.executionId(), "failed").get("id").asString();

			ApiClient.Response retry = this.api.post("/v1/deliveries/" + id + "/retry", owner, null);
			ApiClient.Response recovery = this.api.post("/v1/deliveries/recover", owner, null);

			assertThat(retry.status()).isEqualTo(409);
			assertThat(retry.contentType()).isEqualTo("application/problem+json");
			assertThat(retry.text("type")).isEqualTo("/problems/payload-not-kept");
			assertThat(retry.text("detail")).contains("was never sent").contains("not kept");
			assertThat(recovery.body().get("scheduled").asInt()).isZero();
			assertThat(this.deliveries.of(owner, result.executionId()).get(0).get("status").asString())
				.isEqualTo("failed");
			assertThat(receiver.requests()).isEmpty();
		}
	}

}
