package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.runner.config.RunnerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * What the runner does when Kafka does not take a result: it keeps the trigger
 * uncommitted and tries again, without writing the result twice.
 */
class ResultPublisherTest {

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<String, FlowgateEvent> template = mock(KafkaTemplate.class);

	private final ResultPublisher publisher = new ResultPublisher(this.template,
			properties(Map.of("send-timeout", "100ms", "send-retry-interval", "20ms")));

	private final AtomicInteger acknowledged = new AtomicInteger();

	private final PartitionState partition = new PartitionState(Set.of(), 100);

	private final ExecutionCompleted result = result();

	@AfterEach
	void stop() {
		this.publisher.close();
	}

	@Test
	void publishesAgainAfterKafkaRefusedTheResultAndOnlyThenAcknowledgesTheTrigger() {
		given(this.template.send(anyString(), anyString(), any())).willReturn(failed(), failed(), sent());
		this.partition.received(7, this.acknowledged::incrementAndGet);

		this.publisher.publish(this.partition, 7, this.result);

		await().untilAsserted(() -> assertThat(this.acknowledged).hasValue(1));
		verify(this.template, times(3)).send(eq("flowgate.executions.completed"), eq(this.result.executionId()),
				eq(this.result));
	}

	@Test
	void waitsForASendThatTimedOutInsteadOfWritingTheResultTwice() {
		CompletableFuture<SendResult<String, FlowgateEvent>> slow = new CompletableFuture<>();
		given(this.template.send(anyString(), anyString(), any())).willReturn(slow);
		this.partition.received(7, this.acknowledged::incrementAndGet);

		this.publisher.publish(this.partition, 7, this.result);
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.acknowledged).hasValue(0));
		slow.complete(null);

		await().untilAsserted(() -> assertThat(this.acknowledged).hasValue(1));
		verify(this.template, times(1)).send(anyString(), anyString(), any());
	}

	@Test
	void stopsTryingOnceThePartitionMovedToAnotherRunner() {
		AtomicInteger tries = new AtomicInteger();
		given(this.template.send(anyString(), anyString(), any())).willAnswer((call) -> {
			tries.incrementAndGet();
			return failed();
		});
		this.partition.received(7, this.acknowledged::incrementAndGet);

		this.publisher.publish(this.partition, 7, this.result);
		await().untilAsserted(() -> assertThat(tries).hasValueGreaterThanOrEqualTo(2));
		this.partition.revoke();
		int triesWhenRevoked = tries.get();

		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(tries).hasValueLessThanOrEqualTo(triesWhenRevoked + 1));
		assertThat(this.acknowledged).hasValue(0);
	}

	private static CompletableFuture<SendResult<String, FlowgateEvent>> failed() {
		return CompletableFuture.failedFuture(new KafkaException("Kafka is away"));
	}

	private static CompletableFuture<SendResult<String, FlowgateEvent>> sent() {
		return CompletableFuture.completedFuture(null);
	}

	private static RunnerProperties properties(Map<String, String> triggers) {
		Map<String, String> source = new HashMap<>();
		triggers.forEach((name, value) -> source.put("flowgate.runner.triggers." + name, value));
		return new Binder(new MapConfigurationPropertySource(source)).bind("flowgate.runner", RunnerProperties.class)
			.get();
	}

	private static ExecutionCompleted result() {
		Instant now = Instant.now();
		return new ExecutionCompleted(UUID.randomUUID(), ExecutionCompleted.SCHEMA_VERSION, now,
				UUID.randomUUID().toString(), "owner", "deployment", 1, ExecutionStatus.SUCCEEDED, Map.of("echo", "hi"),
				null, List.of(), now, now, 0, TokenUsage.NONE, "gw-test", DeliveryTarget.NONE, null, null, null);
	}

}
