package dev.flowgate.runner.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.flowgate.runner.config.RunnerProperties;
import dev.flowgate.runner.domain.deployment.DeploymentView;
import dev.flowgate.runner.domain.execution.Execution;
import dev.flowgate.runner.domain.execution.ExecutionService;
import dev.flowgate.runner.domain.execution.ExecutionSettings;
import dev.flowgate.runner.support.Deployments;
import dev.flowgate.runner.support.EngineFixture;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Giving partitions up: drained within one bound, or at once when lost. */
class PartitionStatesTest {

	private static final String TOPIC = "triggers";

	private static final Duration DRAIN = Duration.ofSeconds(1);

	private static final int GIVEN_UP = 5;

	private final EngineFixture fixture = new EngineFixture("http://127.0.0.1:9");

	private final ExecutionService executions = new ExecutionService(new DeploymentView(), this.fixture.engine(),
			(started) -> {
			}, this.fixture.scheduler(),
			new ExecutionSettings("runner", Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO),
			Clock.systemUTC());

	private final PartitionStates partitions = new PartitionStates(null, null,
			new Binder(new MapConfigurationPropertySource(Map.of("flowgate.runner.triggers.revoke-drain", "1s")))
				.bind("flowgate.runner", RunnerProperties.class)
				.get());

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	@Test
	void drainsEveryPartitionGivenUpWithinOneBoundForAll() {
		List<TopicPartition> givenUp = IntStream.range(0, GIVEN_UP)
			.mapToObj((n) -> new TopicPartition(TOPIC, n))
			.toList();
		List<Execution> stuck = givenUp.stream().map(this::runStuckExecution).toList();
		long started = System.nanoTime();

		this.partitions.drain(givenUp);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(DRAIN)
			.as("not a bound per partition")
			.isLessThan(DRAIN.multipliedBy(GIVEN_UP - 1L));
		assertThat(stuck).allSatisfy((execution) -> assertThat(execution.result()).isCancelled());
	}

	@Test
	void cancelsAtOnceWhatALostPartitionRuns() {
		TopicPartition lost = new TopicPartition(TOPIC, 0);
		Execution stuck = runStuckExecution(lost);
		long started = System.nanoTime();

		this.partitions.revoked(lost);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DRAIN);
		assertThat(stuck.result()).isCancelled();
	}

	/** An execution waiting for a deployment that never comes. */
	private Execution runStuckExecution(TopicPartition partition) {
		this.partitions.assigned(partition);
		String executionId = UUID.randomUUID().toString();
		Execution execution = this.executions.start(executionId,
				Deployments.trigger(executionId, "not-yet-deployed", "owner", Map.of(), null));
		this.partitions.of(partition.topic(), partition.partition()).running(0, execution);
		return execution;
	}

}
