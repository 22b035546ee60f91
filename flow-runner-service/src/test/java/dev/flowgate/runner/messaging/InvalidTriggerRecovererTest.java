package dev.flowgate.runner.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.runner.config.RunnerProperties;
import dev.flowgate.runner.domain.deployment.DeploymentView;
import dev.flowgate.runner.domain.execution.ExecutionService;
import dev.flowgate.runner.domain.execution.ExecutionSettings;
import dev.flowgate.runner.support.Deployments;
import dev.flowgate.runner.support.EngineFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * What becomes of a trigger record the listener failed on however often it tried: its
 * caller hears back, and the record is kept where the result cannot say it all.
 */
class InvalidTriggerRecovererTest {

	private static final String TOPIC = Topics.EXECUTIONS_REQUESTED.name();

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<String, FlowgateEvent> template = mock(KafkaTemplate.class);

	private final RunnerProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate("flowgate.runner", RunnerProperties.class);

	private final ResultPublisher results = new ResultPublisher(this.template, this.properties);

	private final EngineFixture engine = new EngineFixture("http://127.0.0.1:9");

	private final DeploymentView view = new DeploymentView();

	private final ExecutionService executions = new ExecutionService(this.view, this.engine.engine(), (started) -> {
	}, this.engine.scheduler(),
			new ExecutionSettings("runner-1", Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(1)),
			Clock.systemUTC());

	private final List<ConsumerRecord<?, ?>> deadLettered = new CopyOnWriteArrayList<>();

	private final InvalidTriggerRecoverer recoverer = new InvalidTriggerRecoverer(
			new PartitionStates(null, null, this.properties), this.executions, this.results,
			(record, failure) -> this.deadLettered.add(record));

	@AfterEach
	void stop() {
		this.results.close();
		this.engine.close();
	}

	@Test
	void answersATriggerThatKeptFailingWithAFailedResultAndKeepsItsRecord() {
		given(this.template.send(anyString(), anyString(), any())).willReturn(CompletableFuture.completedFuture(null));
		DeploymentStateChanged deployment = Deployments.echo("dep-1", "owner-1");
		this.view.put(deployment);
		ConsumerRecord<String, FlowgateEvent> trigger = new ConsumerRecord<>(TOPIC, 0, 42, "exec-1",
				Deployments.trigger("exec-1", deployment, Map.of("text", "hi")));

		this.recoverer.accept(trigger, new ListenerExecutionFailedException("listener failed",
				new IllegalStateException("a bug in the runner")));

		ArgumentCaptor<FlowgateEvent> sent = ArgumentCaptor.forClass(FlowgateEvent.class);
		verify(this.template).send(eq("flowgate.executions.completed"), eq("exec-1"), sent.capture());
		assertThat(sent.getValue()).isInstanceOfSatisfying(ExecutionCompleted.class, (result) -> {
			assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
			assertThat(result.error().code()).isEqualTo("internal_error");
			assertThat(result.error().message()).contains("IllegalStateException");
			assertThat(result.deploymentId()).isEqualTo("dep-1");
			assertThat(result.delivery()).isEqualTo(deployment.delivery());
		});
		assertThat(this.deadLettered).containsExactly(trigger);
	}

	@Test
	void leavesTheExecutionOfACancellationThatKeptFailingRunning() {
		ConsumerRecord<String, FlowgateEvent> cancellation = new ConsumerRecord<>(TOPIC, 0, 43, "exec-2",
				new ExecutionCancellationRequested(UUID.randomUUID(), ExecutionCancellationRequested.SCHEMA_VERSION,
						Instant.now(), "exec-2", "owner-1", "dep-1"));

		this.recoverer.accept(cancellation,
				new ListenerExecutionFailedException("listener failed", new IllegalStateException("a bug")));

		verify(this.template, never()).send(anyString(), anyString(), any());
		assertThat(this.deadLettered).containsExactly(cancellation);
	}

}
