package dev.flowgate.system.journey;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flowgate.infra.ReceivedMail;
import dev.flowgate.system.CallbackReceiver;
import dev.flowgate.system.Owner;
import dev.flowgate.system.SystemStack;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the journey's owner sees of its results' deliveries: the callbacks its receiver
 * got, the mails, and the delivery records and disabled callbacks of the management API.
 */
final class Deliveries {

	private static final Duration DELIVERY = Duration.ofSeconds(60);

	private final Owner owner;

	private final CallbackReceiver receiver;

	Deliveries(Owner owner, CallbackReceiver receiver) {
		this.owner = owner;
		this.receiver = receiver;
	}

	/** The first callback about the execution. */
	CallbackReceiver.Received awaitCallback(String executionId) {
		return await().atMost(DELIVERY)
			.until(() -> this.receiver.received()
				.stream()
				.filter((call) -> call.body().contains(executionId))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/** Waits until {@code count} callbacks with this {@code webhook-id} came. */
	List<CallbackReceiver.Received> awaitCallbacks(String webhookId, int count) {
		return await().atMost(DELIVERY)
			.until(() -> this.receiver.received()
				.stream()
				.filter((call) -> webhookId.equals(call.headers().get("webhook-id")))
				.toList(), (received) -> received.size() == count);
	}

	/**
	 * The execution's callback and email deliveries both succeeded, the callback's id is
	 * the {@code webhook-id} it came with, and the owner's lists show them and no failed
	 * one.
	 */
	void assertRecorded(String executionId, String webhookId) {
		await().atMost(DELIVERY).untilAsserted(() -> {
			JsonNode deliveries = this.owner.get("/v1/executions/" + executionId + "/deliveries")
				.json()
				.get("deliveries");
			assertThat(deliveries.values())
				.extracting((delivery) -> delivery.get("channel").asString() + ":" + delivery.get("status").asString())
				.containsExactlyInAnyOrder("callback:succeeded", "email:succeeded");
			assertThat(deliveries.values())
				.filteredOn((delivery) -> delivery.get("channel").asString().equals("callback"))
				.singleElement()
				.satisfies((callback) -> assertThat(callback.get("id").asString()).isEqualTo(webhookId));
		});
		assertThat(this.owner.get("/v1/deliveries?status=succeeded").json().get("items").values())
			.extracting((delivery) -> delivery.get("executionId").asString())
			.containsExactly(executionId, executionId);
		assertThat(this.owner.get("/v1/deliveries?status=failed").json().get("items").values()).isEmpty();
		assertThat(this.owner.post("/v1/deliveries/recover", Map.of(), 202).json().at("/scheduled").asInt()).isZero();
	}

	/** Waits until the execution's only delivery has this status. */
	void awaitOnlyDelivery(String executionId, String status) {
		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(
					this.owner.get("/v1/executions/" + executionId + "/deliveries").json().get("deliveries").values())
				.singleElement()
				.satisfies((delivery) -> assertThat(delivery.get("status").asString()).isEqualTo(status)));
	}

	/** The deployment's entry in the owner's list of disabled callbacks. */
	Optional<JsonNode> disabledCallback(String deploymentId) {
		return this.owner.get("/v1/callbacks/disabled")
			.json()
			.get("items")
			.values()
			.stream()
			.filter((stop) -> stop.get("deploymentId").asString().equals(deploymentId))
			.findFirst();
	}

	/** Waits until callbacks of the deployment are disabled; returns the entry. */
	JsonNode awaitDisabledCallback(String deploymentId) {
		return await().atMost(DELIVERY).until(() -> disabledCallback(deploymentId), Optional::isPresent).orElseThrow();
	}

	/**
	 * The one mail to {@code mailbox}, about an async deployment's succeeded execution.
	 */
	static void assertMailed(SystemStack stack, String mailbox, String deploymentId, String answer) {
		List<ReceivedMail> mails = await().atMost(DELIVERY)
			.until(() -> stack.processes()
				.mail()
				.received()
				.stream()
				.filter((mail) -> mail.to().contains(mailbox))
				.toList(), (received) -> !received.isEmpty());
		assertThat(mails).singleElement().satisfies((mail) -> {
			assertThat(mail.subject()).isEqualTo("[Flowgate] weather-async: execution succeeded");
			assertThat(mail.text()).contains("of deployment weather-async (" + deploymentId + ")");
			assertThat(mail.text()).contains(answer);
		});
	}

}
