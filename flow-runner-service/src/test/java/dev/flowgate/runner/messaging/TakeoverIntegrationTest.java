package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.test.FlowgateInfra;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Received;
import dev.flowgate.infra.test.HttpStub.Reply;
import dev.flowgate.runner.FlowRunnerApplication;
import dev.flowgate.runner.config.RunnerProperties;
import dev.flowgate.runner.support.Deployments;
import dev.flowgate.runner.support.Flows;
import dev.flowgate.runner.support.KafkaTestClient;
import dev.flowgate.runner.support.Results;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly one result per trigger when runners come and go: real runner applications on a
 * real broker, started and stopped by the test.
 */
@FlowgateInfra
class TakeoverIntegrationTest {

	private static final Duration RESULT_WAIT = Duration.ofSeconds(45);

	private static final Duration QUIET = Duration.ofSeconds(2);

	private static final Duration SLOW_CALL = Duration.ofSeconds(6);

	/**
	 * How long the runners of tests about cancelled executions wait for them to finish.
	 */
	private static final Duration SHORT_DRAIN = Duration.ofSeconds(1);

	/** A call a runner giving its partition up waits for (below its 20 s drain). */
	private static final Duration DRAINED_CALL = Duration.ofSeconds(2);

	/**
	 * How long calls are held after a runner joined: longer than the rebalance takes to
	 * reach the runner giving partitions up (a heartbeat, 3 s).
	 */
	private static final Duration HELD_AFTER_JOIN = Duration.ofSeconds(6);

	private static final Duration POLL = Duration.ofMillis(200);

	private final HttpStub api = HttpStub.start();

	private final KafkaTestClient kafka = new KafkaTestClient();

	private final KafkaTestClient.Reader results = this.kafka.reader(Topics.EXECUTIONS_COMPLETED);

	private final List<ConfigurableApplicationContext> runners = new ArrayList<>();

	/** Calls the test holds until it completes this. */
	private final CompletableFuture<Void> heldCalls = new CompletableFuture<>();

	@AfterEach
	void close() {
		this.heldCalls.complete(null);
		this.runners.forEach(ConfigurableApplicationContext::close);
		this.results.close();
		this.kafka.close();
		this.api.close();
	}

	/**
	 * Two runners share the triggers; one stops while every execution is waiting on a
	 * call slower than the stopping runner waits for it. Its executions are abandoned
	 * unpublished and the other runner, taking over its partitions, runs them again; the
	 * survivor's own executions carry on untouched.
	 */
	@Test
	void publishesOneResultPerTriggerWhenARunnerStopsMidFlow() {
		this.api.on("/slow", (request) -> Reply.json(200, "{\"ok\":true}").after(SLOW_CALL));
		ConfigurableApplicationContext leaving = startRunner("runner-leaving", SHORT_DRAIN);
		ConfigurableApplicationContext staying = startRunner("runner-staying");
		await().atMost(RESULT_WAIT)
			.until(() -> assigned(leaving).size() + assigned(staying).size(),
					(count) -> count == Topics.EXECUTIONS_REQUESTED.partitions() && !assigned(leaving).isEmpty()
							&& !assigned(staying).isEmpty());
		DeploymentStateChanged deployment = slowDeployment();
		this.kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		Map<String, ExecutionRequested> triggers = triggers(deployment, 30);
		this.kafka.publishAll(Topics.EXECUTIONS_REQUESTED, triggers);
		await().atMost(RESULT_WAIT).until(() -> this.api.arrivals("/slow").size(), (calls) -> calls == triggers.size());
		Set<String> heldByLeaving = heldBy(assigned(leaving), triggers.keySet());

		leaving.close();

		Map<String, List<ExecutionCompleted>> byExecution = awaitOneResultEach(triggers.keySet());
		assertThat(byExecution.values())
			.allSatisfy((one) -> assertThat(one.get(0).status()).isEqualTo(ExecutionStatus.SUCCEEDED));
		Map<String, Long> callsPerExecution = this.api.arrivals("/slow")
			.stream()
			.collect(Collectors.groupingBy(Received::query, Collectors.counting()));
		assertThat(heldByLeaving).isNotEmpty().hasSizeLessThan(triggers.size());
		triggers.keySet()
			.stream()
			.filter((executionId) -> !heldByLeaving.contains(executionId))
			.forEach((executionId) -> assertThat(callsPerExecution.get("id=" + executionId)).as(executionId)
				.isEqualTo(1L));
		// Normally the leaving runner's executions all still run when it stops; on a
		// slow machine its first ones may finish (and be committed) just before.
		assertThat(heldByLeaving)
			.allSatisfy((executionId) -> assertThat(callsPerExecution.get("id=" + executionId)).isBetween(1L, 2L));
		assertThat(heldByLeaving).as("run again after the takeover")
			.anySatisfy((executionId) -> assertThat(callsPerExecution.get("id=" + executionId)).isEqualTo(2L));
	}

	/**
	 * A runner stopping (SIGTERM on a rolling update) while a flow waits on a call lets
	 * the flow finish first: its result is published and its trigger committed before the
	 * partition moves, so the runner taking it over does not call the API again.
	 */
	@Test
	void finishesTheExecutionInFlightBeforeItsRunnerStops() {
		this.api.on("/slow", (request) -> Reply.json(200, "{\"ok\":true}").after(DRAINED_CALL));
		ConfigurableApplicationContext stopping = startRunner("runner-stopping");
		await().atMost(RESULT_WAIT).until(() -> assigned(stopping).size() == Topics.EXECUTIONS_REQUESTED.partitions());
		DeploymentStateChanged deployment = slowDeployment();
		this.kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		String executionId = UUID.randomUUID().toString();
		long offset = this.kafka.publishForOffset(Topics.EXECUTIONS_REQUESTED, executionId,
				Deployments.trigger(executionId, deployment, Map.of("id", executionId)));
		await().atMost(RESULT_WAIT).until(() -> this.api.arrivals("/slow").size(), (calls) -> calls == 1);

		stopping.close();

		assertThat(this.kafka.committed(TriggerListener.ID, triggerPartitionOf(executionId)))
			.as("committed past the trigger")
			.isGreaterThan(offset);
		ConfigurableApplicationContext next = startRunner("runner-next");
		await().atMost(RESULT_WAIT).until(() -> assigned(next).size() == Topics.EXECUTIONS_REQUESTED.partitions());
		assertThat(awaitOneResultEach(Set.of(executionId)).get(executionId)).singleElement().satisfies((result) -> {
			assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
			assertThat(result.runnerId()).isEqualTo("runner-stopping");
		});
		assertThat(this.api.arrivals("/slow")).as("called once").hasSize(1);
	}

	/**
	 * A runner joining the group takes half the partitions over while a flow waits on a
	 * call in each: the runner giving them up lets those flows finish, publishes their
	 * results and commits their triggers before the newcomer gets the partitions.
	 */
	@Test
	void finishesTheExecutionsInFlightBeforeARunnerJoiningTakesTheirPartitions() {
		this.api.on("/slow", (request) -> {
			this.heldCalls.join();
			return Reply.json(200, "{\"ok\":true}");
		});
		ConfigurableApplicationContext holding = startRunner("runner-holding");
		await().atMost(RESULT_WAIT).until(() -> assigned(holding).size() == Topics.EXECUTIONS_REQUESTED.partitions());
		DeploymentStateChanged deployment = slowDeployment();
		this.kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		Map<String, Long> offsets = new LinkedHashMap<>();
		for (int partition = 0; partition < Topics.EXECUTIONS_REQUESTED.partitions(); partition++) {
			String executionId = idInPartition(partition);
			offsets.put(executionId, this.kafka.publishForOffset(Topics.EXECUTIONS_REQUESTED, executionId,
					Deployments.trigger(executionId, deployment, Map.of("id", executionId))));
		}
		await().atMost(RESULT_WAIT).until(() -> this.api.arrivals("/slow").size(), (calls) -> calls == offsets.size());

		try (KafkaConsumer<String, byte[]> newcomer = this.kafka.member(TriggerListener.ID)) {
			newcomer.subscribe(List.of(Topics.EXECUTIONS_REQUESTED.name()));
			CompletableFuture.delayedExecutor(HELD_AFTER_JOIN.toMillis(), TimeUnit.MILLISECONDS)
				.execute(() -> this.heldCalls.complete(null));
			await().atMost(RESULT_WAIT).pollInSameThread().until(() -> {
				newcomer.poll(POLL);
				return newcomer.assignment();
			}, (assignment) -> !assignment.isEmpty());

			Set<TopicPartition> moved = newcomer.assignment();
			assertThat(moved).as("half the partitions").hasSizeLessThan(offsets.size());
			Map<TopicPartition, OffsetAndMetadata> committed = newcomer.committed(moved);
			offsets.forEach((executionId, offset) -> {
				TopicPartition partition = triggerPartitionOf(executionId);
				if (moved.contains(partition)) {
					OffsetAndMetadata next = committed.get(partition);
					assertThat((next != null) ? next.offset() : -1L).as("%s committed past the trigger", partition)
						.isGreaterThan(offset);
				}
			});
		}

		Map<String, List<ExecutionCompleted>> byExecution = awaitOneResultEach(offsets.keySet());
		assertThat(byExecution.values())
			.allSatisfy((one) -> assertThat(one.get(0).runnerId()).isEqualTo("runner-holding"));
		assertThat(this.api.arrivals("/slow")).as("one call each").hasSize(offsets.size());
	}

	/**
	 * What a runner killed between publishing a result and committing its trigger leaves
	 * behind: the result is out, the trigger uncommitted. The next owner must not run it
	 * again, yet must run the trigger after it.
	 */
	@Test
	void skipsATriggerWhoseResultWasPublishedButNotCommitted() {
		LeftBehind crash = crashAfterPublishingTheFirstResult();

		startRunner("runner-after-crash");

		assertOneResultEach(crash);
	}

	/**
	 * The same, but the new owner's first look for published results fails, as when the
	 * broker does not answer in time. Its triggers wait for the next look: taken for
	 * triggers without a result, the first would run again.
	 */
	@Test
	void waitsForTheNextLookWhenTheFirstOneFails() {
		LeftBehind crash = crashAfterPublishingTheFirstResult();

		ConfigurableApplicationContext runner = startRunner("runner-after-crash", FirstLookFails.class);

		assertOneResultEach(crash);
		assertThat(runner.getBean(FailingScanner.class).looks).hasValueGreaterThan(1);
	}

	/**
	 * A trigger that cannot be decoded right behind one held back in the same poll, while
	 * the new owner looks for published results: the error handler must not move the
	 * consumer past the one held back, and neither gets a second result.
	 */
	@Test
	void holdsBackATriggerThatCannotBeDecodedWithTheOthers() {
		DeploymentStateChanged deployment = Deployments.echo(UUID.randomUUID().toString(), "owner-takeover");
		this.kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		String first = UUID.randomUUID().toString();
		String broken = idInPartitionOf(first);
		String last = idInPartitionOf(first);
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, first,
				Deployments.trigger(first, deployment, Map.of("text", "first")));
		this.kafka.publishRaw(Topics.EXECUTIONS_REQUESTED, broken, "{\"type\":\"execution.requested\", oops");
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, last,
				Deployments.trigger(last, deployment, Map.of("text", "last")));

		startRunner("runner-after-crash");

		Map<String, List<ExecutionCompleted>> byExecution = awaitOneResultEach(Set.of(first, broken, last));
		assertThat(byExecution.get(first).get(0).outputs()).containsExactly(Map.entry("echo", "first"));
		assertThat(byExecution.get(broken).get(0).status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(byExecution.get(last).get(0).outputs()).containsExactly(Map.entry("echo", "last"));
	}

	/**
	 * A cancellation published while the runner holding its trigger is gone: the next
	 * owner of the partition reads the trigger again, with the request behind it in the
	 * same poll, so it runs no node and the one result says cancelled.
	 */
	@Test
	void stopsAnExecutionCancelledWhileItsRunnerWasGone() {
		this.api.on("/stuck", (request) -> Reply.json(200, "{\"ok\":true}").after(RESULT_WAIT));
		DeploymentStateChanged deployment = Deployments.of(UUID.randomUUID().toString(), "owner-takeover",
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/stuck"))).build(), DeliveryTarget.NONE);
		this.kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		String executionId = UUID.randomUUID().toString();
		ConfigurableApplicationContext first = startRunner("runner-first", SHORT_DRAIN);
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId,
				Deployments.trigger(executionId, deployment, Map.of()));
		await().atMost(RESULT_WAIT).until(() -> this.api.arrivals("/stuck").size(), (calls) -> calls == 1);
		first.close();

		Instant requestedAt = Instant.now();
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId,
				new ExecutionCancellationRequested(UUID.randomUUID(), ExecutionCancellationRequested.SCHEMA_VERSION,
						requestedAt, executionId, deployment.ownerId(), deployment.deploymentId()));
		startRunner("runner-second");

		assertThat(awaitOneResultEach(Set.of(executionId)).get(executionId)).singleElement().satisfies((result) -> {
			assertThat(result.status()).isEqualTo(ExecutionStatus.CANCELLED);
			assertThat(result.cancelRequestedAt()).isEqualTo(requestedAt);
			assertThat(result.runnerId()).isEqualTo("runner-second");
			assertThat(result.trace()).isEmpty();
		});
		assertThat(this.api.arrivals("/stuck")).as("called by the first runner only").hasSize(1);
	}

	/**
	 * Two triggers in one partition, the first with the result its dead runner published.
	 */
	private record LeftBehind(String finished, String next, ExecutionCompleted earlier) {
	}

	private LeftBehind crashAfterPublishingTheFirstResult() {
		DeploymentStateChanged deployment = Deployments.echo(UUID.randomUUID().toString(), "owner-takeover");
		this.kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		String finished = UUID.randomUUID().toString();
		String next = idInPartitionOf(finished);
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, finished,
				Deployments.trigger(finished, deployment, Map.of("text", "first")));
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, next,
				Deployments.trigger(next, deployment, Map.of("text", "second")));
		ExecutionCompleted earlier = resultOfDeadRunner(finished, deployment);
		this.kafka.publish(Topics.EXECUTIONS_COMPLETED, finished, earlier);
		return new LeftBehind(finished, next, earlier);
	}

	/** The first trigger's result is the dead runner's alone; the next one ran. */
	private void assertOneResultEach(LeftBehind crash) {
		Map<String, List<ExecutionCompleted>> byExecution = awaitOneResultEach(Set.of(crash.finished(), crash.next()));
		assertThat(byExecution.get(crash.finished())).singleElement()
			.extracting(ExecutionCompleted::eventId)
			.isEqualTo(crash.earlier().eventId());
		assertThat(byExecution.get(crash.next()).get(0).outputs()).containsExactly(Map.entry("echo", "second"));
	}

	private ConfigurableApplicationContext startRunner(String runnerId, Class<?>... sources) {
		return startRunner(runnerId, List.of(), sources);
	}

	/** A runner that waits {@code revokeDrain} for its executions when it stops. */
	private ConfigurableApplicationContext startRunner(String runnerId, Duration revokeDrain) {
		return startRunner(runnerId,
				List.of("--flowgate.runner.triggers.revoke-drain=" + revokeDrain.toMillis() + "ms"));
	}

	private ConfigurableApplicationContext startRunner(String runnerId, List<String> settings, Class<?>... sources) {
		// Arguments, not default properties, so they win over application.yml.
		List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--flowgate.runner.runner-id=" + runnerId, "--flowgate.runner.triggers.result-scan-retry-interval=1s"));
		arguments.addAll(settings);
		ConfigurableApplicationContext runner = new SpringApplicationBuilder(FlowRunnerApplication.class)
			.sources(sources)
			.run(arguments.toArray(String[]::new));
		this.runners.add(runner);
		return runner;
	}

	/** Waits for a result per execution, then checks no second one follows. */
	private Map<String, List<ExecutionCompleted>> awaitOneResultEach(Set<String> executionIds) {
		await().atMost(RESULT_WAIT)
			.until(() -> Results.of(this.results.events(ExecutionCompleted.class), executionIds).size(),
					(done) -> done == executionIds.size());
		await().during(QUIET)
			.atMost(RESULT_WAIT)
			.until(() -> Results.of(this.results.events(ExecutionCompleted.class), executionIds).values(),
					(all) -> all.stream().allMatch((one) -> one.size() == 1));
		return Results.of(this.results.events(ExecutionCompleted.class), executionIds);
	}

	private DeploymentStateChanged slowDeployment() {
		return Deployments.of(UUID.randomUUID().toString(), "owner-takeover",
				Flows.flow()
					.input("id")
					.node("call", "http", Map.of("url", this.api.url("/slow") + "?id={{input.id}}"))
					.output("ok", "{{call.body.ok}}")
					.edge("id", "call")
					.edge("call", "ok")
					.build(),
				DeliveryTarget.NONE);
	}

	private static Map<String, ExecutionRequested> triggers(DeploymentStateChanged deployment, int count) {
		Map<String, ExecutionRequested> triggers = new LinkedHashMap<>();
		for (int n = 0; n < count; n++) {
			String executionId = UUID.randomUUID().toString();
			triggers.put(executionId, Deployments.trigger(executionId, deployment, Map.of("id", executionId)));
		}
		return triggers;
	}

	private static Collection<TopicPartition> assigned(ConfigurableApplicationContext runner) {
		Collection<TopicPartition> partitions = runner.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainer(TriggerListener.ID)
			.getAssignedPartitions();
		return (partitions != null) ? partitions : List.of();
	}

	private static Set<String> heldBy(Collection<TopicPartition> partitions, Set<String> executionIds) {
		Set<Integer> numbers = partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
		return executionIds.stream()
			.filter((id) -> numbers.contains(KafkaTestClient.partitionOf(id, Topics.EXECUTIONS_REQUESTED)))
			.collect(Collectors.toSet());
	}

	private static ExecutionCompleted resultOfDeadRunner(String executionId, DeploymentStateChanged deployment) {
		Instant now = Instant.now();
		return new ExecutionCompleted(UUID.randomUUID(), ExecutionCompleted.SCHEMA_VERSION, now, executionId,
				deployment.ownerId(), deployment.deploymentId(), deployment.flowVersion(), ExecutionStatus.SUCCEEDED,
				Map.of("echo", "first"), null, List.of(), now, now, 0, TokenUsage.NONE, "gw-test", DeliveryTarget.NONE,
				null, null, null);
	}

	/** Not a {@code @Configuration}: only the runner it is given to scans it. */
	static class FirstLookFails {

		@Bean
		@Primary
		FailingScanner failingScanner(ConsumerFactory<Object, Object> consumers, RunnerProperties properties) {
			return new FailingScanner(consumers, properties);
		}

	}

	/** Fails the first time, as when the broker does not answer. */
	static class FailingScanner extends CompletedResultScanner {

		final AtomicInteger looks = new AtomicInteger();

		FailingScanner(ConsumerFactory<Object, Object> consumers, RunnerProperties properties) {
			super(consumers, properties);
		}

		@Override
		Look open() {
			if (this.looks.getAndIncrement() == 0) {
				throw new TimeoutException("Timeout expired while fetching topic metadata");
			}
			return super.open();
		}

	}

	private static TopicPartition triggerPartitionOf(String executionId) {
		return new TopicPartition(Topics.EXECUTIONS_REQUESTED.name(),
				KafkaTestClient.partitionOf(executionId, Topics.EXECUTIONS_REQUESTED));
	}

	private static String idInPartitionOf(String other) {
		return idInPartition(KafkaTestClient.partitionOf(other, Topics.EXECUTIONS_REQUESTED));
	}

	private static String idInPartition(int partition) {
		String candidate = UUID.randomUUID().toString();
		while (KafkaTestClient.partitionOf(candidate, Topics.EXECUTIONS_REQUESTED) != partition) {
			candidate = UUID.randomUUID().toString();
		}
		return candidate;
	}

}
