package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.ApiClient.Response;
import dev.flowgate.deployments.Consumption;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.TopicReader;
import dev.flowgate.deployments.UnreachableKafka;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.deployments.domain.usage.UsageSummaries;
import dev.flowgate.deployments.persistence.CancellationOutbox;
import dev.flowgate.deployments.persistence.ReplayOutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** An owner cancels an execution, over the real Kafka and MongoDB. */
@IntegrationTest
class CancellationTest {

	private static final String TOPIC = Topics.EXECUTIONS_REQUESTED.name();

	private static final String MARKERS = "cancellation_outbox";

	private static final Duration REPUBLISHED = Duration.ofSeconds(30);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private CancellationOutbox outbox;

	@Autowired
	private ReplayOutbox replays;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private UsageSummaries summaries;

	private ApiClient api;

	private EventSender sender;

	private String deploymentId;

	@BeforeEach
	void deployment() {
		this.api = ApiClient.forNewOwner(this.mvc);
		this.sender = new EventSender(this.kafka);
		this.deploymentId = this.api.deployAnswerFlow();
	}

	@Test
	void acceptsACancelAndPublishesItBehindTheTrigger() {
		ExecutionEvents execution = running();

		Response accepted = this.api.post(cancel(execution), "");

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.location()).isEqualTo("/v1/executions/" + execution.executionId());
		assertThat(accepted.text("id")).isEqualTo(execution.executionId());
		assertThat(accepted.text("status")).isEqualTo("running");
		Instant requestedAt = Instant.parse(accepted.text("cancel_requested_at"));
		assertThat(requestedAt).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
		List<JsonNode> records = await().until(() -> records(execution.executionId()), (found) -> found.size() == 2);
		assertThat(records.get(0).path("type").asString()).isEqualTo("execution.requested");
		JsonNode request = records.get(1);
		assertThat(request.path("type").asString()).isEqualTo(ExecutionCancellationRequested.TYPE);
		assertThat(request.path("executionId").asString()).isEqualTo(execution.executionId());
		assertThat(request.path("ownerId").asString()).isEqualTo(this.api.ownerId());
		assertThat(request.path("deploymentId").asString()).isEqualTo(this.deploymentId);
		assertThat(Instant.parse(request.path("occurredAt").asString())).isEqualTo(requestedAt);
		assertThat(Instant.parse(get(execution).text("cancel_requested_at"))).isEqualTo(requestedAt);
		assertThat(markerOf(execution.executionId())).isFalse();
	}

	@Test
	void keepsTheFirstRequestAndPublishesNothingNewWhenAskedAgain() {
		ExecutionEvents execution = queued();
		Response first = this.api.post(cancel(execution), "");

		Response again = this.api.post(cancel(execution), "");

		assertThat(again.status()).isEqualTo(202);
		assertThat(again.text("status")).isEqualTo("queued");
		assertThat(again.text("cancel_requested_at")).isEqualTo(first.text("cancel_requested_at"));
		Consumption.awaitCaughtUp(TOPIC);
		assertThat(records(execution.executionId())).extracting((record) -> record.path("type").asString())
			.containsExactly("execution.requested", ExecutionCancellationRequested.TYPE);
	}

	@Test
	void rejectsCancellingAFinishedExecution() {
		ExecutionEvents execution = events();
		this.sender.send(execution.requested(Map.of("question", "?")),
				execution.completed(ExecutionStatus.TIMED_OUT, 40));
		awaitStatus(execution, "timed_out");

		Response refused = this.api.post(cancel(execution), "");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("/problems/already-finished");
		assertThat(refused.text("detail"))
			.isEqualTo("Execution '%s' has already finished (timed_out)".formatted(execution.executionId()));
		assertThat(get(execution).json().path("cancel_requested_at").isNull()).isTrue();
		assertThat(markerOf(execution.executionId())).isFalse();
	}

	@Test
	void hidesAnotherOwnersExecutionAndAnUnknownOne() {
		ExecutionEvents execution = queued();

		Response stranger = this.api.asAnotherOwner().post(cancel(execution), "");

		assertThat(stranger.status()).isEqualTo(404);
		assertThat(stranger.contentType()).startsWith("application/problem+json");
		assertThat(this.api.post("/v1/executions/" + UUID.randomUUID() + "/cancel", "").status()).isEqualTo(404);
		assertThat(get(execution).json().path("cancel_requested_at").isNull()).isTrue();
	}

	@Test
	void publishesARequestSavedBeforeACrash() {
		ExecutionEvents execution = queued();
		Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ExecutionCancellationRequested request = new ExecutionCancellationRequested(UUID.randomUUID(),
				ExecutionCancellationRequested.SCHEMA_VERSION, requestedAt, execution.executionId(), this.api.ownerId(),
				this.deploymentId);
		// Stored, then the process died: not yet on the execution, not sent, and the
		// saver's lease has run out.
		this.outbox.insert(request, Instant.now().minusSeconds(1));

		// The republisher looks every 200 ms here, and each look here reads the whole
		// topic.
		List<JsonNode> records = await().atMost(REPUBLISHED)
			.until(() -> records(execution.executionId()), (found) -> found.size() == 2);
		assertThat(records.get(1).path("type").asString()).isEqualTo(ExecutionCancellationRequested.TYPE);
		assertThat(records.get(1).path("eventId").asString()).isEqualTo(request.eventId().toString());
		assertThat(Instant.parse(get(execution).text("cancel_requested_at"))).isEqualTo(requestedAt);
		await().until(() -> !markerOf(execution.executionId()));
	}

	@Test
	void triesARequestKafkaRefusedAgainAtTheNextRound() {
		ExecutionEvents execution = queued();
		ExecutionCancellationRequested request = new ExecutionCancellationRequested(UUID.randomUUID(),
				ExecutionCancellationRequested.SCHEMA_VERSION, Instant.now().truncatedTo(ChronoUnit.MILLIS),
				execution.executionId(), this.api.ownerId(), this.deploymentId);

		try (UnreachableKafka down = new UnreachableKafka()) {
			new CancellationPublisher(this.outbox, this.replays,
					new AcknowledgedSends(down.template(), UnreachableKafka.PUBLICATION), UnreachableKafka.PUBLICATION,
					Clock.systemUTC())
				.enqueue(request);
		}

		// The next round, not the end of the saver's ten-minute lease.
		List<JsonNode> records = await().atMost(REPUBLISHED)
			.until(() -> records(execution.executionId()), (found) -> found.size() == 2);
		assertThat(records.get(1).path("eventId").asString()).isEqualTo(request.eventId().toString());
		await().until(() -> !markerOf(execution.executionId()));
	}

	@Test
	void passesOverItsOwnRequestsWhenRecordingTriggers() {
		ExecutionEvents execution = queued();
		this.api.post(cancel(execution), "");
		String unknown = UUID.randomUUID().toString();
		sendRequest(new ExecutionCancellationRequested(UUID.randomUUID(), 1, Instant.now(), unknown, this.api.ownerId(),
				this.deploymentId));

		Consumption.awaitCaughtUp(TOPIC);

		Response recorded = get(execution);
		assertThat(recorded.text("status")).isEqualTo("queued");
		assertThat(recorded.json().path("input_data").path("question").asString()).isEqualTo("stop me");
		assertThat(this.api.get("/v1/executions/" + unknown).status()).isEqualTo(404);
		assertThat(TopicReader.readKey(Topics.DEAD_LETTER.name(), execution.executionId())).isEmpty();
		assertThat(TopicReader.readKey(Topics.DEAD_LETTER.name(), unknown)).isEmpty();
	}

	@Test
	void recordsTheRunnersCancelledResultWithTheRequestTime() {
		ExecutionEvents execution = running();
		String requestedAt = this.api.post(cancel(execution), "").text("cancel_requested_at");

		this.sender.send(execution.completed(ExecutionStatus.CANCELLED, 40));

		Response recorded = awaitStatus(execution, "cancelled");
		assertThat(recorded.text("cancel_requested_at")).isEqualTo(requestedAt);
		assertThat(recorded.json().path("error").path("code").asString()).isEqualTo("cancelled");
		assertThat(recorded.json().path("finished_at").isNull()).isFalse();
		Response again = this.api.post(cancel(execution), "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("detail")).endsWith("has already finished (cancelled)");
		assertThat(this.api.get("/v1/deployments/" + this.deploymentId + "/executions?status=cancelled")
			.json()
			.path("items")
			.get(0)
			.path("id")
			.asString()).isEqualTo(execution.executionId());
	}

	@Test
	void countsCancelledExecutionsInUsage() {
		this.sender.sendExecution(this.api.ownerId(), this.deploymentId, Instant.now().minus(Duration.ofHours(3)),
				ExecutionStatus.CANCELLED, 30);
		this.sender.sendExecution(this.api.ownerId(), this.deploymentId, Instant.now().minus(Duration.ofMinutes(5)),
				ExecutionStatus.CANCELLED, 20);
		this.sender.sendExecution(this.api.ownerId(), this.deploymentId, Instant.now().minus(Duration.ofMinutes(4)),
				ExecutionStatus.TIMED_OUT, 10);
		// The hour three hours ago is read from its summary from then on.
		Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(this.summaries::run);

		JsonNode day = usage("/v1/deployments/" + this.deploymentId + "/usage?window=24h");
		assertThat(day.path("calls").asLong()).isEqualTo(3);
		assertThat(day.path("cancelled").asLong()).isEqualTo(2);
		assertThat(day.path("timeouts").asLong()).isEqualTo(1);
		assertThat(usage("/v1/deployments/" + this.deploymentId + "/usage?window=1h").path("cancelled").asLong())
			.isEqualTo(1);
		assertThat(usage("/v1/usage?window=24h").path("total").path("cancelled").asLong()).isEqualTo(2);
		long seriesCancelled = 0;
		for (JsonNode point : usage("/v1/deployments/" + this.deploymentId + "/usage/series?window=24h")
			.path("points")) {
			seriesCancelled += point.path("usage").path("cancelled").asLong();
		}
		assertThat(seriesCancelled).isEqualTo(2);
	}

	private ExecutionEvents events() {
		return ExecutionEvents.of(UUID.randomUUID().toString(), this.api.ownerId(), this.deploymentId)
			.at(Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	private ExecutionEvents queued() {
		ExecutionEvents execution = events();
		this.sender.send(execution.requested(Map.of("question", "stop me")));
		awaitStatus(execution, "queued");
		return execution;
	}

	private ExecutionEvents running() {
		ExecutionEvents execution = queued();
		this.sender.send(execution.started());
		awaitStatus(execution, "running");
		return execution;
	}

	private void sendRequest(ExecutionCancellationRequested request) {
		try {
			this.kafka.send(TOPIC, request.executionId(), request).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Response awaitStatus(ExecutionEvents execution, String status) {
		return await().until(() -> get(execution), (response) -> status.equals(response.text("status")));
	}

	private Response get(ExecutionEvents execution) {
		return this.api.get("/v1/executions/" + execution.executionId());
	}

	private JsonNode usage(String path) {
		return this.api.get(path).json();
	}

	private static String cancel(ExecutionEvents execution) {
		return "/v1/executions/" + execution.executionId() + "/cancel";
	}

	/** The execution's records on the triggers' topic, oldest first. */
	private static List<JsonNode> records(String executionId) {
		return TopicReader.readKey(TOPIC, executionId)
			.stream()
			.map(ConsumerRecord::value)
			.map(ApiClient.JSON::readTree)
			.toList();
	}

	private boolean markerOf(String executionId) {
		return this.mongo.exists(Query.query(where("_id").is(executionId)), MARKERS);
	}

}
