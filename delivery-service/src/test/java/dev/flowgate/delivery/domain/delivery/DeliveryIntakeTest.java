package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.delivery.domain.owner.InMemoryErasedOwnerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryIntakeTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Executor DIRECT = Runnable::run;

	private static final AttemptTimeouts ATTEMPT_TIMEOUTS = new AttemptTimeouts(Duration.ofSeconds(15),
			Duration.ofSeconds(15));

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final InMemoryErasedOwnerStore erasedOwners = new InMemoryErasedOwnerStore();

	private final ScriptedChannel callbacks = new ScriptedChannel(DeliveryChannel.CALLBACK,
			(delivery) -> Outcomes.delivered());

	private final ScriptedChannel emails = new ScriptedChannel(DeliveryChannel.EMAIL,
			(delivery) -> Outcomes.delivered());

	@Test
	void createsAndAttemptsOneDeliveryPerTargetOfTheResult() {
		ExecutionCompleted result = result("https://example.com/hook", "ops@example.com");

		intake(1024).accept(result);

		List<Delivery> stored = this.store.findByExecution("owner-1", result.executionId());
		assertThat(stored).extracting(Delivery::channel)
			.containsExactlyInAnyOrder(DeliveryChannel.CALLBACK, DeliveryChannel.EMAIL);
		assertThat(stored).allSatisfy((delivery) -> assertThat(delivery.status()).isEqualTo(DeliveryStatus.SUCCEEDED));
		assertThat(stored).extracting(Delivery::id)
			.containsExactlyInAnyOrder(Delivery.idFor(result.executionId(), DeliveryChannel.CALLBACK),
					Delivery.idFor(result.executionId(), DeliveryChannel.EMAIL));
	}

	@Test
	void aRedeliveredResultAddsNothing() {
		ExecutionCompleted result = result("https://example.com/hook", null);
		DeliveryIntake intake = intake(1024);

		intake.accept(result);
		intake.accept(result);

		assertThat(this.store.findByExecution("owner-1", result.executionId())).hasSize(1);
		assertThat(this.callbacks.sent).hasSize(1);
	}

	@Test
	void storesABatchOfResultsAsIfOneByOne() {
		ExecutionCompleted first = result("https://example.com/hook", null);
		ExecutionCompleted second = result("https://example.com/hook", null);

		intake(1024).acceptAll(List.of(first, second, first));

		assertThat(this.store.findByExecution("owner-1", first.executionId())).hasSize(1);
		assertThat(this.store.findByExecution("owner-1", second.executionId())).hasSize(1);
		assertThat(this.callbacks.sent).extracting(Delivery::executionId)
			.containsExactlyInAnyOrder(first.executionId(), second.executionId());
	}

	@Test
	void failsAPayloadOverTheLimitWithoutSendingIt() {
		ExecutionCompleted result = result("https://example.com/hook", null);

		intake(8).accept(result);

		Delivery failed = this.store.findByExecution("owner-1", result.executionId()).get(0);
		assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(failed.lastError()).matches("Payload of \\d+ bytes exceeds the limit of 8 bytes; not sent");
		assertThat(failed.message().body()).as("kept of a payload never sent").isEmpty();
		assertThat(this.callbacks.sent).isEmpty();
		assertThat(this.publisher.events).singleElement().satisfies((event) -> assertThat(event.attempts()).isZero());
	}

	@Test
	void dropsTheResultsOfAnErasedOwnerAndKeepsTheOthers() {
		this.erasedOwners.add("owner-gone", NOW);
		ExecutionCompleted late = result("owner-gone", "https://example.com/hook", "ops@example.com");
		ExecutionCompleted kept = result("owner-1", "https://example.com/hook", null);

		intake(1024).acceptAll(List.of(late, kept));

		assertThat(this.store.findByExecution("owner-gone", late.executionId())).isEmpty();
		assertThat(this.store.findByExecution("owner-1", kept.executionId())).hasSize(1);
		assertThat(this.callbacks.sent).extracting(Delivery::executionId).containsExactly(kept.executionId());
		assertThat(this.emails.sent).isEmpty();
	}

	@Test
	void aResultWithoutTargetsCreatesNothing() {
		ExecutionCompleted result = result(null, null);

		intake(1024).accept(result);

		assertThat(this.store.findByExecution("owner-1", result.executionId())).isEmpty();
	}

	private DeliveryIntake intake(long maxPayloadBytes) {
		RetryPolicy retry = new RetryPolicy(List.of(Duration.ZERO), 0, Duration.ZERO, Duration.ZERO, () -> 0L);
		FailureReporter failures = new FailureReporter(this.store, this.publisher, DIRECT,
				new FailureReporter.Settings(Duration.ZERO, 10), this.clock);
		List<Channel> channels = List.of(this.callbacks, this.emails);
		ErasedOwners erased = new ErasedOwners(this.erasedOwners, Duration.ofSeconds(2), this.clock);
		DeliveryDispatcher dispatcher = new DeliveryDispatcher(this.store,
				new DeliveryWorker(channels, this.store, this.store.attempts(), retry, Duration.ofMinutes(1),
						ATTEMPT_TIMEOUTS, failures, erased, DIRECT, this.clock),
				DIRECT, new DeliveryDispatcher.Settings(10, 10, maxPayloadBytes * 10, maxPayloadBytes,
						Duration.ofMinutes(2), ATTEMPT_TIMEOUTS, Duration.ZERO),
				this.clock);
		return new DeliveryIntake(channels, dispatcher, failures, retry, erased, maxPayloadBytes, this.clock);
	}

	private static ExecutionCompleted result(String callbackUrl, String email) {
		return result("owner-1", callbackUrl, email);
	}

	private static ExecutionCompleted result(String ownerId, String callbackUrl, String email) {
		return new ExecutionCompleted(UUID.randomUUID(), 1, NOW, "exec-" + UUID.randomUUID(), ownerId, "dep-1", 1,
				ExecutionStatus.SUCCEEDED, Map.of("answer", "42"), null, List.of(), NOW.minusSeconds(1), NOW, 1000,
				TokenUsage.NONE, null, new DeliveryTarget(callbackUrl, email, false), null, null, null);
	}

}
