package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import dev.flowgate.contracts.DeliveryChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryDispatcherTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Executor DIRECT = Runnable::run;

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();

	/** Attempts stay in flight until the test completes them. */
	private final Map<String, CompletableFuture<AttemptOutcome>> inFlight = new ConcurrentHashMap<>();

	private final ScriptedChannel channel = new ScriptedChannel(DeliveryChannel.CALLBACK,
			(delivery) -> this.inFlight.computeIfAbsent(delivery.id(), (id) -> new CompletableFuture<>()));

	private final DeliveryDispatcher dispatcher = new DeliveryDispatcher(this.store,
			new DeliveryWorker(List.of(this.channel), this.store, new InMemoryAttemptLog(),
					new RetryPolicy(List.of(Duration.ZERO), 0, Duration.ZERO, Duration.ZERO, () -> 0L),
					new FailureReporter(this.store, new RecordingPublisher(), DIRECT,
							new FailureReporter.Settings(Duration.ZERO, 10), this.clock),
					DIRECT, this.clock),
			DIRECT, new DeliveryDispatcher.Settings(3, 2, Duration.ofMinutes(2), Duration.ofMillis(10)), this.clock);

	@Test
	void attemptsANewDueDeliveryAtOnceUnderALease() {
		Delivery delivery = pending("a", "https://a.example");

		assertThat(this.dispatcher.admit(delivery)).isTrue();

		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a");
		assertThat(this.store.isLeased("a")).isTrue();
		assertThat(this.dispatcher.pollDue()).isZero();
	}

	@Test
	void aDestinationAtItsLimitWaitsWhileOthersGoAhead() {
		this.dispatcher.admit(pending("a1", "https://a.example"));
		this.dispatcher.admit(pending("a2", "https://a.example"));
		this.dispatcher.admit(pending("a3", "https://a.example"));
		this.dispatcher.admit(pending("b1", "https://b.example"));

		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "a2", "b1");
		assertThat(this.store.isLeased("a3")).isFalse();
		assertThat(this.dispatcher.pollDue()).isZero();

		this.inFlight.get("a1").complete(Outcomes.delivered().join());

		// The freed slot goes to the waiting delivery at once, not at the next poll.
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "a2", "b1", "a3");
		assertThat(this.dispatcher.pollDue()).isZero();
	}

	@Test
	void aFreedSlotGoesToADeliveryThatWaitedForRoom() {
		this.dispatcher.admit(pending("a1", "https://a.example"));
		this.dispatcher.admit(pending("b1", "https://b.example"));
		this.dispatcher.admit(pending("c1", "https://c.example"));
		this.dispatcher.admit(pending("d1", "https://d.example"));

		this.inFlight.get("b1").complete(Outcomes.delivered().join());

		assertThat(this.channel.sent).extracting(Delivery::id).endsWith("d1");
		assertThat(this.store.isLeased("d1")).isTrue();
	}

	@Test
	void storesButDoesNotStartWhenAllSlotsAreTaken() {
		this.dispatcher.admit(pending("a1", "https://a.example"));
		this.dispatcher.admit(pending("b1", "https://b.example"));
		this.dispatcher.admit(pending("c1", "https://c.example"));

		assertThat(this.dispatcher.admit(pending("d1", "https://d.example"))).isTrue();

		assertThat(this.channel.sent).hasSize(3);
		assertThat(this.store.get("d1").status()).isEqualTo(DeliveryStatus.PENDING);
	}

	@Test
	void doesNotAdmitADeliveryTwice() {
		Delivery delivery = pending("a", "https://a.example");
		this.dispatcher.admit(delivery);

		assertThat(this.dispatcher.admit(delivery)).isFalse();

		assertThat(this.channel.sent).hasSize(1);
	}

	@Test
	void startsNothingAfterClosing() throws Exception {
		this.dispatcher.close();

		this.dispatcher.admit(pending("a", "https://a.example"));

		assertThat(this.channel.sent).isEmpty();
		assertThat(this.store.get("a").status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(this.dispatcher.pollDue()).isZero();
	}

	private static Delivery pending(String id, String destination) {
		return new Delivery(id, "exec-" + id, "owner-1", "dep-1", DeliveryChannel.CALLBACK, destination + "/hook",
				destination, Message.callback("{}"), DeliveryStatus.PENDING, 0, 0, NOW, null, NOW, null, null);
	}

}
