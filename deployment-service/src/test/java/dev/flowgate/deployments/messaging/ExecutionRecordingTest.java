package dev.flowgate.deployments.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.ApiClient.Response;
import dev.flowgate.deployments.Consumption;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.SampleFlows;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Execution events sent to the real topics end up as one record per execution. */
@IntegrationTest
class ExecutionRecordingTest {

	private static final int BURST = 60;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	private ApiClient api;

	private EventSender sender;

	private String deploymentId;

	@BeforeEach
	void deployment() {
		this.api = ApiClient.forNewOwner(this.mvc);
		this.sender = new EventSender(this.kafka);
		String flowId = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		this.deploymentId = this.api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(flowId)).text("id");
	}

	@Test
	void keepsTheDigestOfInputsCutToTheLimitForTheGatewaysIdempotencyCheckAlone() {
		ExecutionEvents events = events();
		ExecutionRequested requested = events.requested(Map.of("text", "x".repeat(70_000)));

		this.sender.send(requested);
		awaitStatus(events.executionId(), "queued");

		JsonNode asRecorded = this.api.getRecordedOnly("/v1/executions/" + events.executionId()).json();
		assertThat(asRecorded.path("input_data").path("text").asString()).startsWith("[truncated: ");
		assertThat(asRecorded.path("inputs_check").path("inputs_digest").asString())
			.isEqualTo(requested.inputsDigest());
		assertThat(asRecorded.path("inputs_check").path("inputs_truncated").asBoolean()).isTrue();
		assertThat(this.api.get("/v1/executions/" + events.executionId()).json().has("inputs_check")).isFalse();
	}

	@Test
	void recordsAnExecutionFromItsEvents() {
		ExecutionEvents events = events();

		this.sender.send(events.requested(Map.of("question", "What is Kafka?")));
		awaitStatus(events.executionId(), "queued");
		this.sender.send(events.started());
		awaitStatus(events.executionId(), "running");
		this.sender.send(events.completed(ExecutionStatus.SUCCEEDED, 40));

		JsonNode execution = awaitStatus(events.executionId(), "succeeded");
		assertThat(execution.path("id").asString()).isEqualTo(events.executionId());
		assertThat(execution.path("deployment_id").asString()).isEqualTo(this.deploymentId);
		assertThat(execution.path("flow_version").asInt()).isEqualTo(2);
		assertThat(execution.path("input_data").path("question").asString()).isEqualTo("What is Kafka?");
		assertThat(execution.path("output_data").path("answer").asString()).isEqualTo("A log.");
		assertThat(execution.path("error").isNull()).isTrue();
		assertThat(execution.path("duration_seconds").asDouble()).isEqualTo(0.04);
		assertThat(execution.path("source").asString()).isEqualTo("aicuflow");
		assertThat(execution.path("replay_of").isNull()).isTrue();
		assertThat(instant(execution, "created_at")).isEqualTo(events.requestedAt());
		assertThat(instant(execution, "started_at")).isEqualTo(events.requestedAt().plusMillis(7));
		assertThat(instant(execution, "finished_at")).isEqualTo(events.requestedAt().plusMillis(48));
		assertThat(execution.path("links").path("self").asString()).isEqualTo("/v1/executions/" + events.executionId());
		assertThat(execution.path("links").path("deployment").asString())
			.isEqualTo("/v1/deployments/" + this.deploymentId);
		JsonNode ask = execution.path("trace").get(1);
		assertThat(ask.path("node_id").asString()).isEqualTo("ask");
		assertThat(ask.path("node_type").asString()).isEqualTo("llm");
		assertThat(ask.path("status").asString()).isEqualTo("succeeded");
		assertThat(ask.path("duration_ms").asLong()).isEqualTo(39);
		assertThat(ask.path("output").path("text").asString()).isEqualTo("A log.");
		assertThat(ask.path("attempts").asInt()).isEqualTo(2);
		assertThat(ask.path("tokens").path("prompt").asLong()).isEqualTo(12);
		assertThat(ask.path("tokens").path("completion").asLong()).isEqualTo(5);
	}

	@Test
	void recordsAFailureWithItsError() {
		ExecutionEvents events = events();

		this.sender.send(events.requested(Map.of("question", "?")), events.completed(ExecutionStatus.FAILED, 12));

		JsonNode execution = awaitStatus(events.executionId(), "failed");
		assertThat(execution.path("error").path("node_id").asString()).isEqualTo("ask");
		assertThat(execution.path("error").path("code").asString()).isEqualTo("node_failed");
		assertThat(execution.path("error").path("message").asString()).isEqualTo("HTTP 500 from the model");
		assertThat(execution.path("trace").get(1).path("error").asString()).isEqualTo("HTTP 500 from the model");
	}

	@Test
	void endsCompletedWhenTheResultArrivesBeforeTheTrigger() {
		ExecutionEvents events = events();

		this.sender.send(events.completed(ExecutionStatus.SUCCEEDED, 40));
		awaitStatus(events.executionId(), "succeeded");
		this.sender.send(events.requested(Map.of("question", "late")), events.started());
		Consumption.awaitCaughtUp(EventSender.executionTopics());

		JsonNode execution = this.api.get("/v1/executions/" + events.executionId()).json();
		assertThat(execution.path("status").asString()).isEqualTo("succeeded");
		assertThat(execution.path("input_data").path("question").asString()).isEqualTo("late");
		assertThat(instant(execution, "created_at")).isEqualTo(events.requestedAt());
	}

	@Test
	void keepsOneRecordWhenEventsAreRedelivered() {
		ExecutionEvents events = events();

		this.sender.send(events.requested(Map.of("question", "once")), events.completed(ExecutionStatus.SUCCEEDED, 40),
				events.requested(Map.of("question", "once")), events.started(),
				events.completed(ExecutionStatus.SUCCEEDED, 40), events.started());
		Consumption.awaitCaughtUp(EventSender.executionTopics());

		JsonNode page = this.api.get("/v1/deployments/" + this.deploymentId + "/executions").json();
		assertThat(page.path("items")).hasSize(1);
		assertThat(page.path("items").get(0).path("status").asString()).isEqualTo("succeeded");
		assertThat(page.path("items").get(0).path("trace")).hasSize(2);
	}

	@Test
	void recordsABurstOfExecutionsEachOnceWithItsResult() {
		List<ExecutionEvents> burst = IntStream.range(0, BURST).mapToObj((i) -> events()).toList();
		// Triggers and results of the same executions arrive together on two topics, so
		// both listeners write the same records in the same polls.
		this.sender.send(burst.stream()
			.flatMap((events) -> Stream.of(events.requested(Map.of("question", "burst")),
					events.completed(ExecutionStatus.SUCCEEDED, 40)))
			.toArray(FlowgateEvent[]::new));
		Consumption.awaitCaughtUp(EventSender.executionTopics());

		JsonNode page = this.api.get("/v1/deployments/" + this.deploymentId + "/executions?limit=100").json();
		assertThat(page.path("items")).hasSize(BURST);
		assertThat(page.path("items")).allSatisfy((execution) -> {
			assertThat(execution.path("status").asString()).isEqualTo("succeeded");
			assertThat(execution.path("input_data").path("question").asString()).isEqualTo("burst");
		});
		assertThat(page.path("items").valueStream().map((execution) -> execution.path("id").asString()))
			.containsExactlyInAnyOrderElementsOf(burst.stream().map(ExecutionEvents::executionId).toList());
	}

	@Test
	void findsAnExecutionPolledOrCancelledRightAfterItsTriggerWasAccepted() {
		ExecutionEvents polled = events();
		ExecutionEvents cancelled = events();

		// Acknowledged by Kafka, as when the gateway answers 202: not recorded yet.
		this.sender.send(polled.requested(Map.of("question", "poll me")));
		Response poll = this.api.get("/v1/executions/" + polled.executionId());
		this.sender.send(cancelled.requested(Map.of("question", "cancel me")));
		Response cancel = this.api.post("/v1/executions/" + cancelled.executionId() + "/cancel", "");

		assertThat(poll.status()).isEqualTo(200);
		assertThat(poll.text("status")).isEqualTo("queued");
		assertThat(cancel.status()).isEqualTo(202);
		assertThat(cancel.text("cancel_requested_at")).isNotNull();
	}

	@Test
	void showsTheResultToAPollRightAfterItWasPublished() {
		ExecutionEvents events = events();
		this.sender.send(events.requested(Map.of("question", "sync")));
		awaitStatus(events.executionId(), "queued");

		// Acknowledged by Kafka, as when the gateway answers a sync call: not recorded
		// yet.
		this.sender.send(events.completed(ExecutionStatus.SUCCEEDED, 40));
		Response poll = this.api.get("/v1/executions/" + events.executionId());

		assertThat(poll.text("status")).isEqualTo("succeeded");
	}

	@Test
	void answersAnUnknownExecutionWith404OnceTheTriggersAreRecorded() {
		this.sender.send(events().requested(Map.of("question", "another one")));

		Response unknown = this.api.get("/v1/executions/" + UUID.randomUUID());

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void hidesAnotherOwnersExecution() {
		ExecutionEvents events = events();
		this.sender.send(events.requested(Map.of("question", "mine")));
		awaitStatus(events.executionId(), "queued");

		Response stranger = this.api.asAnotherOwner().get("/v1/executions/" + events.executionId());

		assertThat(stranger.status()).isEqualTo(404);
		assertThat(stranger.contentType()).isEqualTo("application/problem+json");
	}

	private static Instant instant(JsonNode execution, String field) {
		return Instant.parse(execution.path(field).asString());
	}

	private ExecutionEvents events() {
		return ExecutionEvents.of(UUID.randomUUID().toString(), this.api.ownerId(), this.deploymentId);
	}

	private JsonNode awaitStatus(String executionId, String status) {
		return await()
			.until(() -> this.api.get("/v1/executions/" + executionId),
					(response) -> response.status() == 200 && status.equals(response.text("status")))
			.json();
	}

}
