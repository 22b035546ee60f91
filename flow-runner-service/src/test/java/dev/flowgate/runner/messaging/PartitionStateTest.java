package dev.flowgate.runner.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.flowgate.runner.domain.deployment.DeploymentView;
import dev.flowgate.runner.domain.execution.Execution;
import dev.flowgate.runner.domain.execution.ExecutionService;
import dev.flowgate.runner.domain.execution.ExecutionSettings;
import dev.flowgate.runner.support.Deployments;
import dev.flowgate.runner.support.EngineFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PartitionStateTest {

	private static final TopicPartition TRIGGERS = new TopicPartition("triggers", 0);

	private static final Duration DRAIN_STEP = Duration.ofMillis(200);

	private final EngineFixture fixture = new EngineFixture("http://127.0.0.1:9");

	private final List<String> acknowledged = new CopyOnWriteArrayList<>();

	private final PartitionState partition = new PartitionState(Set.of("published-before"), 2);

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	@Test
	void knowsWhichExecutionsAlreadyHaveAResult() {
		assertThat(this.partition.hasResult("published-before")).isTrue();
		assertThat(this.partition.hasResult("new")).isFalse();
		assertThat(this.partition.hasResult(null)).isFalse();
	}

	@Test
	void holdsTriggersBackUntilTheResultsPublishedBeforeAreKnown() {
		PartitionState takenOver = new PartitionState(2);
		MockConsumer<String, String> consumer = consumerAt(0);
		List<ConsumerRecord<String, String>> poll = poll(consumer, 3);

		assertThat(poll).allSatisfy((trigger) -> assertThat(takenOver.holdsBack(trigger, consumer)).isTrue());
		assertThat(consumer.position(TRIGGERS)).as("sent back to the first trigger").isZero();
		assertThat(takenOver.hasResult("published-before")).isFalse();

		takenOver.scanned(Set.of("published-before"));
		assertThat(poll(consumer, 3))
			.noneSatisfy((trigger) -> assertThat(takenOver.holdsBack(trigger, consumer)).isTrue());
		assertThat(takenOver.hasResult("published-before")).isTrue();
	}

	@Test
	void holdsBackTheRestOfAPollWhoseFirstTriggerWasHeldBack() {
		PartitionState takenOver = new PartitionState(2);
		MockConsumer<String, String> consumer = consumerAt(0);
		List<ConsumerRecord<String, String>> poll = poll(consumer, 2);
		assertThat(takenOver.holdsBack(poll.get(0), consumer)).isTrue();

		takenOver.scanned(Set.of());

		assertThat(takenOver.holdsBack(poll.get(1), consumer)).as("comes again after the first").isTrue();
		assertThat(poll(consumer, 2))
			.noneSatisfy((trigger) -> assertThat(takenOver.holdsBack(trigger, consumer)).isTrue());
	}

	@Test
	void sendsTheConsumerBackToTheFirstTriggerHeldWhateverMovedItSince() {
		PartitionState takenOver = new PartitionState(2);
		MockConsumer<String, String> consumer = consumerAt(0);
		assertThat(takenOver.holdsBack(poll(consumer, 3).get(0), consumer)).isTrue();

		// As the error handler does after a failure further on.
		consumer.seek(TRIGGERS, 2);
		assertThat(takenOver.holdsBack(poll(consumer, 3).get(0), consumer)).isTrue();

		assertThat(consumer.position(TRIGGERS)).isZero();
		takenOver.scanned(Set.of());
		assertThat(poll(consumer, 3)).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L);
	}

	@Test
	void letsTheOldestTriggerLeftRunWhenRetentionDeletedThoseHeldBack() {
		PartitionState takenOver = new PartitionState(2);
		MockConsumer<String, String> consumer = consumerAt(0);
		assertThat(takenOver.holdsBack(poll(consumer, 2).get(0), consumer)).isTrue();
		takenOver.scanned(Set.of());

		// Sent back to offset 0, the consumer finds it deleted and starts over at 2.
		consumer.updateBeginningOffsets(Map.of(TRIGGERS, 2L));
		consumer.seek(TRIGGERS, 2);
		List<ConsumerRecord<String, String>> left = poll(consumer, 4);

		assertThat(left).extracting(ConsumerRecord::offset).containsExactly(2L, 3L);
		assertThat(left).noneSatisfy((trigger) -> assertThat(takenOver.holdsBack(trigger, consumer)).isTrue());
		assertThat(consumer.position(TRIGGERS)).isEqualTo(4);
	}

	@Test
	void asksForTheLookOnceAndOnlyForAPartitionTakenOver() {
		PartitionState takenOver = new PartitionState(2);

		assertThat(takenOver.startsLook()).isTrue();
		assertThat(takenOver.startsLook()).isFalse();
		assertThat(this.partition.startsLook()).isFalse();
	}

	@Test
	void acknowledgesInOffsetOrderAsRecordsFinish() {
		this.partition.received(1, () -> this.acknowledged.add("1"));
		this.partition.received(2, () -> this.acknowledged.add("2"));

		this.partition.finished(2);
		assertThat(this.acknowledged).isEmpty();
		this.partition.finished(1);

		assertThat(this.acknowledged).containsExactly("2");
	}

	@Test
	void revokingCancelsExecutionsAndStopsPublishingAndCommitting() {
		Execution waiting = waitingExecution();
		this.partition.received(1, () -> this.acknowledged.add("1"));
		this.partition.running(1, waiting);

		this.partition.revoke();

		assertThat(waiting.result()).isCancelled();
		assertThat(this.partition.runningCount()).isZero();
		AtomicBoolean published = new AtomicBoolean();
		assertThat(this.partition.publishWhileOwned(() -> published.set(true))).isFalse();
		assertThat(published).isFalse();
		this.partition.finished(1);
		assertThat(this.acknowledged).isEmpty();
	}

	@Test
	void revocationWaitsForAPublicationInProgress() throws Exception {
		CountDownLatch publishing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread publisher = new Thread(() -> this.partition.publishWhileOwned(() -> {
			publishing.countDown();
			awaitLatch(release);
		}));
		publisher.start();
		assertThat(publishing.await(5, TimeUnit.SECONDS)).isTrue();
		Thread revoker = new Thread(this.partition::revoke);
		revoker.start();

		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(revoker::isAlive);
		release.countDown();

		await().atMost(Duration.ofSeconds(5)).until(() -> !revoker.isAlive() && !publisher.isAlive());
	}

	@Test
	void drainingWaitsUntilTheResultsInFlightAreOut() throws Exception {
		Execution waiting = waitingExecution();
		this.partition.received(1, () -> this.acknowledged.add("1"));
		this.partition.running(1, waiting);
		// As a sender thread does once Kafka acknowledged the result.
		CompletableFuture.runAsync(() -> this.partition.finished(1),
				CompletableFuture.delayedExecutor(DRAIN_STEP.toMillis(), TimeUnit.MILLISECONDS));

		assertThat(this.partition.awaitDrained(Duration.ofSeconds(10))).isTrue();

		assertThat(this.acknowledged).as("acknowledged before the drain ends").containsExactly("1");
		assertThat(this.partition.revoke()).as("cancelled").isZero();
		assertThat(waiting.result()).isNotCancelled();
	}

	@Test
	void drainingGivesUpAtItsBoundAndRevokingThenCancels() throws Exception {
		Execution waiting = waitingExecution();
		this.partition.running(1, waiting);
		long started = System.nanoTime();

		assertThat(this.partition.awaitDrained(DRAIN_STEP)).isFalse();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(DRAIN_STEP)
			.isLessThan(DRAIN_STEP.multipliedBy(10));
		assertThat(this.partition.revoke()).as("cancelled").isOne();
		assertThat(waiting.result()).isCancelled();
	}

	@Test
	void drainingWaitsForNoExecutionThatEndedWithoutAResult() throws Exception {
		this.partition.received(1, () -> this.acknowledged.add("1"));
		this.partition.running(1, waitingExecution());

		this.partition.endedWithoutResult(1);

		assertThat(this.partition.awaitDrained(Duration.ZERO)).isTrue();
		assertThat(this.acknowledged).as("its trigger stays for the next owner").isEmpty();
	}

	@Test
	void remembersTheExecutionsStartedHereUpToItsLimit() {
		this.partition.running(1, waitingExecution("e-1"));
		this.partition.running(2, waitingExecution("e-2"));

		assertThat(this.partition.startedBefore("e-1")).isTrue();
		assertThat(this.partition.startedBefore("e-3")).isFalse();
		assertThat(this.partition.startedBefore(null)).isFalse();
		this.partition.running(3, waitingExecution("e-3"));
		assertThat(this.partition.startedBefore("e-1")).as("the oldest, past the limit of two").isFalse();
		assertThat(this.partition.startedBefore("e-3")).isTrue();
	}

	private Execution waitingExecution() {
		return waitingExecution("e-1");
	}

	private Execution waitingExecution(String executionId) {
		ExecutionService executions = new ExecutionService(new DeploymentView(), this.fixture.engine(), (started) -> {
		}, this.fixture.scheduler(),
				new ExecutionSettings("runner", Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO),
				Clock.systemUTC());
		return executions.start(executionId,
				Deployments.trigger(executionId, "not-yet-deployed", "owner", Map.of(), null));
	}

	private static MockConsumer<String, String> consumerAt(long offset) {
		MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
		consumer.assign(List.of(TRIGGERS));
		consumer.updateBeginningOffsets(Map.of(TRIGGERS, offset));
		consumer.seek(TRIGGERS, offset);
		return consumer;
	}

	/** Polls a partition of {@code size} records from the consumer's position on. */
	private static List<ConsumerRecord<String, String>> poll(MockConsumer<String, String> consumer, int size) {
		for (long offset = consumer.position(TRIGGERS); offset < size; offset++) {
			consumer
				.addRecord(new ConsumerRecord<>(TRIGGERS.topic(), TRIGGERS.partition(), offset, "e-" + offset, "{}"));
		}
		return consumer.poll(Duration.ZERO).records(TRIGGERS);
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
