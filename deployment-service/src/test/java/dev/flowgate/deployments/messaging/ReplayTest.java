package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.ApiClient.Response;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.ExpiringKafka;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.SampleFlows;
import dev.flowgate.deployments.StallingClock;
import dev.flowgate.deployments.TopicReader;
import dev.flowgate.deployments.UnreachableKafka;
import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.deployments.domain.execution.ExecutionMerge;
import dev.flowgate.deployments.domain.execution.ExecutionRecord;
import dev.flowgate.deployments.domain.execution.ReplayTriggers;
import dev.flowgate.deployments.persistence.ReplayOutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

@IntegrationTest
class ReplayTest {

	private static final String TOPIC = Topics.EXECUTIONS_REQUESTED.name();

	private static final Duration REPUBLISHED = Duration.ofSeconds(30);

	private static final Duration LONG_TASK = Duration.ofSeconds(20);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private ReplayOutbox outbox;

	@Autowired
	private ExecutionMerge merge;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private TaskScheduler scheduler;

	private ApiClient api;

	private EventSender sender;

	private String flowId;

	private String deploymentId;

	@BeforeEach
	void deployment() {
		this.api = ApiClient.forNewOwner(this.mvc);
		this.sender = new EventSender(this.kafka);
		this.flowId = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		this.deploymentId = this.api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(this.flowId)).text("id");
	}

	@Test
	void publishesALinkedTriggerOnTheCurrentFlowVersion() {
		String original = recordedExecution(Map.of("question", "What is Kafka?"));
		this.api.put("/v1/flows/" + this.flowId, SampleFlows.ANSWER_V2);
		this.api.patch("/v1/deployments/" + this.deploymentId, "{\"flowVersion\":2}");

		Response accepted = this.api.post("/v1/executions/" + original + "/replay", "");

		assertThat(accepted.status()).isEqualTo(202);
		String replayId = accepted.text("id");
		assertThat(replayId).isNotEqualTo(original);
		assertThat(accepted.location()).isEqualTo("/v1/executions/" + replayId);
		assertThat(accepted.text("status")).isEqualTo("queued");
		assertThat(accepted.text("source")).isEqualTo("replay");
		assertThat(accepted.text("replay_of")).isEqualTo(original);
		assertThat(accepted.json().path("flow_version").asInt()).isEqualTo(2);
		assertThat(accepted.json().path("input_data").path("question").asString()).isEqualTo("What is Kafka?");
		JsonNode trigger = await().until(() -> TopicReader.readKey(TOPIC, replayId), (records) -> !records.isEmpty())
			.stream()
			.map(ConsumerRecord::value)
			.map(ApiClient.JSON::readTree)
			.findFirst()
			.orElseThrow();
		assertThat(trigger.path("type").asString()).isEqualTo("execution.requested");
		assertThat(trigger.path("source").asString()).isEqualTo("replay");
		assertThat(trigger.path("replayOf").asString()).isEqualTo(original);
		assertThat(trigger.path("flowVersion").asInt()).isEqualTo(2);
		assertThat(trigger.path("ownerId").asString()).isEqualTo(this.api.ownerId());
		assertThat(trigger.path("deploymentId").asString()).isEqualTo(this.deploymentId);
		assertThat(trigger.path("inputs").path("question").asString()).isEqualTo("What is Kafka?");
		assertThat(trigger.path("keyId").isNull()).isTrue();
		assertThat(trigger.path("replyTo").isNull()).isTrue();
		assertThat(Duration.between(Instant.now(), Instant.parse(trigger.path("deadline").asString())))
			.isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
		await().until(() -> !stored(replayId).getBoolean("awaitingPublication"));
		assertThat(this.api.get("/v1/executions/" + replayId).text("replay_of")).isEqualTo(original);
	}

	@Test
	void publishesTheReplayWithTheCallbackUrlTheOriginalCallNamed() {
		ExecutionEvents original = ExecutionEvents.of(UUID.randomUUID().toString(), this.api.ownerId(),
				this.deploymentId);
		this.sender.send(original.requested(Map.of("question", "?"), "https://example.com/own-hook"),
				original.completed(ExecutionStatus.SUCCEEDED, 40));
		await().until(() -> this.api.get("/v1/executions/" + original.executionId()).json(),
				(execution) -> "aicuflow".equals(execution.path("source").asString()));

		String replayId = this.api.post("/v1/executions/" + original.executionId() + "/replay", "").text("id");

		JsonNode trigger = ApiClient.JSON
			.readTree(await().until(() -> TopicReader.readKey(TOPIC, replayId), (records) -> !records.isEmpty())
				.get(0)
				.value());
		assertThat(trigger.path("callbackUrl").asString()).isEqualTo("https://example.com/own-hook");
	}

	@Test
	void publishesAReplaySavedBeforeACrash() {
		ExecutionRecord replay = savedWithExpiredLease("again", "e-0");

		// The republisher looks every 5 s, and each look here reads the whole topic.
		await().atMost(REPUBLISHED).until(() -> !TopicReader.readKey(TOPIC, replay.id()).isEmpty());
		JsonNode trigger = ApiClient.JSON.readTree(TopicReader.readKey(TOPIC, replay.id()).get(0).value());
		assertThat(trigger.path("replayOf").asString()).isEqualTo("e-0");
		assertThat(trigger.path("inputs").path("question").asString()).isEqualTo("again");
		await().until(() -> !stored(replay.id()).getBoolean("awaitingPublication"));
	}

	@Test
	void publishesReplaysWhileAnotherScheduledTaskTakesLong() throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		// Like a usage summary run over many hours, or a large retention sweep.
		this.scheduler.schedule(() -> awaitQuietly(done), Instant.now());
		try {
			ExecutionRecord replay = savedWithExpiredLease("meanwhile", "e-1");

			await().atMost(Duration.ofSeconds(10)).until(() -> !stored(replay.id()).getBoolean("awaitingPublication"));
		}
		finally {
			done.countDown();
		}
	}

	@Test
	void doesNotPublishAgainAReplayPublishedJustBeforeACrash() {
		// Leased for now, so the republisher leaves it alone while the test sets it up.
		ExecutionRecord replay = saved("once", "e-1", Instant.now().plus(Duration.ofHours(1)));
		// Published and recorded as such, but the process died before it tidied up: the
		// marker is still there.
		this.mongo.updateFirst(Query.query(where("_id").is(replay.id())), Update.update("awaitingPublication", false),
				"executions");

		// Looked at once the lease has run out.
		assertThat(this.outbox.claimOverdue(Instant.now().plus(Duration.ofHours(2)), Duration.ofSeconds(30))).isEmpty();
		assertThat(this.mongo.exists(Query.query(where("_id").is(replay.id())), "replay_outbox")).isFalse();
		assertThat(TopicReader.readKey(TOPIC, replay.id())).isEmpty();
	}

	@Test
	void takesAReplayTriggerReadBackFromKafkaAsPublished() {
		// Its send timed out, yet the trigger landed: it must not be sent again.
		ExecutionRecord replay = saved("landed", "e-3", Instant.now().plus(Duration.ofHours(1)));

		this.sender.send(ReplayTriggers.of(replay));

		await().until(() -> !stored(replay.id()).getBoolean("awaitingPublication"));
		assertThat(this.outbox.claimOverdue(Instant.now().plus(Duration.ofHours(2)), Duration.ofSeconds(30))).isEmpty();
		assertThat(TopicReader.readKey(TOPIC, replay.id())).hasSize(1);
	}

	@Test
	void doesNotSendAgainAReplayThatAlreadyHasAResult() {
		ExecutionRecord replay = saved("ran", "e-4", Instant.now().plus(Duration.ofHours(1)));
		this.mongo.updateFirst(Query.query(where("_id").is(replay.id())), Update.update("completed", true),
				"executions");

		assertThat(this.outbox.claimOverdue(Instant.now().plus(Duration.ofHours(2)), Duration.ofSeconds(30))).isEmpty();
		assertThat(stored(replay.id()).getBoolean("awaitingPublication")).isFalse();
		assertThat(TopicReader.readKey(TOPIC, replay.id())).isEmpty();
	}

	@Test
	void triesAReplayKafkaRefusedAgainAtTheNextRound() {
		ExecutionRecord replay = this.merge.apply(null, replayRequested("refused", "e-5"));

		try (UnreachableKafka down = new UnreachableKafka()) {
			new ReplayPublisher(this.outbox, new AcknowledgedSends(down.template(), UnreachableKafka.PUBLICATION),
					UnreachableKafka.PUBLICATION, Clock.systemUTC())
				.enqueue(replay);
		}

		// The next round, not the end of the saver's ten-minute lease.
		await().atMost(REPUBLISHED).until(() -> !TopicReader.readKey(TOPIC, replay.id()).isEmpty());
		await().until(() -> !stored(replay.id()).getBoolean("awaitingPublication"));
	}

	@Test
	void keepsTheClaimOfAReplayWhoseSendMayStillLandSoThatItIsNotSentAgainBeforeTheLeaseEnds() {
		ExecutionRecord replay = this.merge.apply(null, replayRequested("in doubt", "e-6"));
		ExpiringKafka expiring = new ExpiringKafka();
		Instant leaseEnd = Instant.now().plus(UnreachableKafka.PUBLICATION.lease()).truncatedTo(ChronoUnit.MILLIS);
		try {
			new ReplayPublisher(this.outbox, new AcknowledgedSends(expiring, UnreachableKafka.PUBLICATION),
					UnreachableKafka.PUBLICATION, Clock.systemUTC())
				.enqueue(replay);

			// Claimed for the whole ten-minute lease, not put off to the next round: the
			// service's republisher leaves it alone until then.
			assertThat(expiring.sends()).isOne();
			assertThat(stored(replay.id()).getBoolean("awaitingPublication")).isTrue();
			assertThat(stored(replay.id()).getDate("publishLeaseUntil").toInstant()).isAfterOrEqualTo(leaseEnd);
			assertThat(marker(replay.id()).getDate("due").toInstant()).isAfterOrEqualTo(leaseEnd);
		}
		finally {
			// Other tests claim what is overdue hours from now.
			this.outbox.markPublished(replay.id());
		}
	}

	@Test
	void sendsNoTriggerOnAClaimThatTookTooLongToTake() {
		// A claim of 60 s taken at t; the send would start at t + 26 s and could last 35
		// s.
		PublicationProperties settings = new PublicationProperties(Duration.ofSeconds(5), Duration.ofSeconds(60),
				Duration.ofSeconds(5), Duration.ofMinutes(5));
		ReplayPublisher stalled = new ReplayPublisher(this.outbox, new AcknowledgedSends(this.kafka, settings),
				settings, new StallingClock(Duration.ofSeconds(26)));
		ExecutionRecord replay = this.merge.apply(null, replayRequested("late", "e-0"));

		stalled.enqueue(replay);

		// Left to run out: nothing is sent while it holds, and it still awaits
		// publication.
		await().during(Duration.ofSeconds(1)).until(() -> TopicReader.readKey(TOPIC, replay.id()).isEmpty());
		assertThat(stored(replay.id()).getBoolean("awaitingPublication")).isTrue();
	}

	@Test
	void sendsACancelOfAReplayOnlyBehindItsTrigger() {
		// Its first send failed: the saver's lease keeps the republisher away for now.
		ExecutionRecord replay = saved("cancel me", "e-2", Instant.now().plus(Duration.ofHours(1)));

		assertThat(this.api.post("/v1/executions/" + replay.id() + "/cancel", "").status()).isEqualTo(202);
		this.mongo.updateFirst(Query.query(where("_id").is(replay.id())),
				Update.update("publishLeaseUntil", Instant.now().minusSeconds(1)), "executions");
		this.mongo.updateFirst(Query.query(where("_id").is(replay.id())),
				Update.update("due", Instant.now().minusSeconds(1)), "replay_outbox");

		List<String> types = await().atMost(REPUBLISHED)
			.until(() -> TopicReader.readKey(TOPIC, replay.id())
				.stream()
				.map((record) -> ApiClient.JSON.readTree(record.value()).path("type").asString())
				.toList(), (found) -> found.size() == 2);
		assertThat(types).containsExactly(ExecutionRequested.TYPE, ExecutionCancellationRequested.TYPE);
	}

	@Test
	void refusesToReplayTruncatedInputs() {
		String original = recordedExecution(Map.of("question", "x".repeat(70 * 1024)));

		Response refused = this.api.post("/v1/executions/" + original + "/replay", "");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("type")).isEqualTo("/problems/not-replayable");
		assertThat(refused.text("detail")).contains("too large");
	}

	@Test
	void refusesToReplayOnADisabledDeployment() {
		String original = recordedExecution(Map.of("question", "?"));
		this.api.patch("/v1/deployments/" + this.deploymentId, "{\"enabled\":false}");

		Response refused = this.api.post("/v1/executions/" + original + "/replay", "");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("type")).isEqualTo("/problems/not-replayable");
	}

	@Test
	void hidesAnotherOwnersExecution() {
		String original = recordedExecution(Map.of("question", "?"));

		assertThat(this.api.asAnotherOwner().post("/v1/executions/" + original + "/replay", "").status())
			.isEqualTo(404);
	}

	private String recordedExecution(Map<String, Object> inputs) {
		return this.sender.recordedExecution(this.api, this.deploymentId, inputs);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(LONG_TASK.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A replay saved with a lease that already ran out, as if its saver had died. */
	private ExecutionRecord savedWithExpiredLease(String question, String replayOf) {
		return saved(question, replayOf, Instant.now().minusSeconds(1));
	}

	private ExecutionRecord saved(String question, String replayOf, Instant leaseUntil) {
		ExecutionRecord replay = this.merge.apply(null, replayRequested(question, replayOf));
		this.outbox.insert(replay, leaseUntil);
		return replay;
	}

	private ExecutionRequested replayRequested(String question, String replayOf) {
		return new ExecutionRequested(UUID.randomUUID(), 1, Instant.now(), UUID.randomUUID().toString(),
				this.api.ownerId(), this.deploymentId, 1, null, TriggerSource.REPLAY, DeploymentMode.ASYNC,
				Map.of("question", question), null, Instant.now().plusSeconds(600), null, replayOf, null, null);
	}

	private Document marker(String executionId) {
		return this.mongo.findOne(Query.query(where("_id").is(executionId)), Document.class, "replay_outbox");
	}

	private Document stored(String executionId) {
		return this.mongo.findOne(Query.query(where("_id").is(executionId)), Document.class, "executions");
	}

}
