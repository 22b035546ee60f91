package dev.flowgate.delivery.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.core.KafkaTemplate;

import static org.awaitility.Awaitility.await;

/** Publishes results and follows their deliveries through the API. */
public final class Deliveries {

	public static final Duration WAIT = Duration.ofSeconds(20);

	private final ApiClient api;

	private final KafkaTemplate<String, FlowgateEvent> kafka;

	public Deliveries(ApiClient api, KafkaTemplate<String, FlowgateEvent> kafka) {
		this.api = api;
		this.kafka = kafka;
	}

	public void publish(ExecutionCompleted result) {
		try {
			this.kafka.send(Topics.EXECUTIONS_COMPLETED.name(), result.executionId(), result).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The owner's deliveries of an execution; empty when there are none (yet). */
	public List<JsonNode> of(String ownerId, String executionId) {
		ApiClient.Response response = this.api.get("/v1/executions/" + executionId + "/deliveries", ownerId);
		List<JsonNode> deliveries = new ArrayList<>();
		if (response.status() == 200) {
			response.body().get("deliveries").forEach(deliveries::add);
		}
		return deliveries;
	}

	/** Waits until the execution's delivery over the channel has the status. */
	public JsonNode awaitStatus(String ownerId, String executionId, String channel, String status) {
		return await().atMost(WAIT)
			.until(() -> find(ownerId, executionId, channel),
					(delivery) -> delivery != null && delivery.get("status").asString().equals(status));
	}

	/** Waits until the execution's only delivery has the status. */
	public JsonNode awaitStatus(String ownerId, String executionId, String status) {
		return awaitStatus(ownerId, executionId, "callback", status);
	}

	private JsonNode find(String ownerId, String executionId, String channel) {
		return of(ownerId, executionId).stream()
			.filter((delivery) -> delivery.get("channel").asString().equals(channel))
			.findFirst()
			.orElse(null);
	}

}
