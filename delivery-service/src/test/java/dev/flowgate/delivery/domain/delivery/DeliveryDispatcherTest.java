package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import dev.flowgate.contracts.DeliveryChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryDispatcherTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Executor DIRECT = Runnable::run;

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();

	/** Attempts stay in flight until the test completes them. */
	private final Map<String, CompletableFuture<AttemptOutcome>> inFlight = new ConcurrentHashMap<>();

	private final ScriptedChannel channel = new ScriptedChannel(DeliveryChannel.CALLBACK,
			(delivery) -> this.inFlight.computeIfAbsent(delivery.id(), (id) -> new CompletableFuture<>()));

	private final DeliveryDispatcher dispatcher = dispatcher(DIRECT);

	@Test
	void attemptsANewDueDeliveryAtOnceUnderALease() {
		Delivery delivery = pending("a", "https://a.example");

		assertThat(admit(delivery)).isTrue();

		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a");
		assertThat(this.store.isLeased("a")).isTrue();
		assertThat(this.dispatcher.pollDue()).isZero();
	}

	@Test
	void aDestinationAtItsLimitWaitsWhileOthersGoAhead() {
		admit(pending("a1", "https://a.example"));
		admit(pending("a2", "https://a.example"));
		admit(pending("a3", "https://a.example"));
		admit(pending("b1", "https://b.example"));

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
		admit(pending("a1", "https://a.example"));
		admit(pending("b1", "https://b.example"));
		admit(pending("c1", "https://c.example"));
		admit(pending("d1", "https://d.example"));

		this.inFlight.get("b1").complete(Outcomes.delivered().join());

		assertThat(this.channel.sent).extracting(Delivery::id).endsWith("d1");
		assertThat(this.store.isLeased("d1")).isTrue();
	}

	@Test
	void storesButDoesNotStartWhenAllSlotsAreTaken() {
		admit(pending("a1", "https://a.example"));
		admit(pending("b1", "https://b.example"));
		admit(pending("c1", "https://c.example"));

		assertThat(admit(pending("d1", "https://d.example"))).isTrue();

		assertThat(this.channel.sent).hasSize(3);
		assertThat(this.store.get("d1").status()).isEqualTo(DeliveryStatus.PENDING);
	}

	@Test
	void doesNotAdmitADeliveryTwice() {
		Delivery delivery = pending("a", "https://a.example");
		admit(delivery);

		assertThat(admit(delivery)).isFalse();

		assertThat(this.channel.sent).hasSize(1);
	}

	@Test
	void startsNothingAfterClosing() throws Exception {
		this.dispatcher.close();

		admit(pending("a", "https://a.example"));

		assertThat(this.channel.sent).isEmpty();
		assertThat(this.store.get("a").status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(this.dispatcher.pollDue()).isZero();
	}

	@Test
	void aBacklogAtOneDestinationIsWorkedOffWithoutSearching() {
		List<Delivery> backlog = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			backlog.add(pending("a" + i, "https://a.example"));
		}

		assertThat(this.dispatcher.admit(backlog)).hasSize(6);
		for (int i = 1; i <= 6; i++) {
			this.inFlight.get("a" + i).complete(Outcomes.delivered().join());
		}

		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "a2", "a3", "a4", "a5", "a6");
		assertThat(this.store.get("a6").status()).isEqualTo(DeliveryStatus.SUCCEEDED);
		assertThat(this.store.searches).isZero();
	}

	@Test
	void aDestinationsSlotIsFreeOnceTheExchangeEndsBeforeTheOutcomeIsStored() {
		Queue<Runnable> storeWork = new ArrayDeque<>();
		DeliveryDispatcher dispatcher = dispatcher(storeWork::add);
		dispatcher.admit(List.of(pending("a1", "https://a.example"), pending("a2", "https://a.example"),
				pending("a3", "https://a.example")));
		runAll(storeWork);

		this.inFlight.get("a1").complete(Outcomes.delivered().join());

		assertThat(this.store.isLeased("a3")).isTrue();
		assertThat(this.store.get("a1").status()).isEqualTo(DeliveryStatus.PENDING);
		runAll(storeWork);
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "a2", "a3");
		assertThat(this.store.get("a1").status()).isEqualTo(DeliveryStatus.SUCCEEDED);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anOutcomeThatCannotBeStoredFreesItsSlotAndLeavesTheDeliveryToItsLease(CapturedOutput output) {
		admit(pending("a1", "https://a.example"));
		admit(pending("a2", "https://a.example"));
		admit(pending("a3", "https://a.example"));
		this.store.failSettling(new IllegalStateException("store away"));

		this.inFlight.get("a1").complete(Outcomes.delivered().join());

		assertThat(this.store.get("a1").status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(this.store.isLeased("a1")).isTrue();
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "a2", "a3");
		assertThat(output)
			.contains("Outcome of delivery a1 (execution exec-a1) not stored "
					+ "(java.lang.IllegalStateException: store away)")
			.doesNotContain("\tat ");
	}

	@Test
	void givesBackTheLeasesOfAnInsertThatFailedPartway() {
		this.store.failInsertsAfterStoring(new IllegalStateException("one document too large"));

		assertThatThrownBy(() -> this.dispatcher.admit(List.of(pending("a", "https://a.example"))))
			.hasMessage("one document too large");

		assertThat(this.store.isLeased("a")).isFalse();
		assertThat(this.dispatcher.pollDue()).isEqualTo(1);
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a");
	}

	private boolean admit(Delivery delivery) {
		return this.dispatcher.admit(List.of(delivery)).contains(delivery.id());
	}

	/** At most three attempts in flight, two per destination. */
	private DeliveryDispatcher dispatcher(Executor workerExecutor) {
		return new DeliveryDispatcher(this.store,
				new DeliveryWorker(List.of(this.channel), this.store, this.store.attempts(),
						new RetryPolicy(List.of(Duration.ZERO), 0, Duration.ZERO, Duration.ZERO, () -> 0L),
						new FailureReporter(this.store, new RecordingPublisher(), DIRECT,
								new FailureReporter.Settings(Duration.ZERO, 10), this.clock),
						workerExecutor, this.clock),
				DIRECT, new DeliveryDispatcher.Settings(3, 2, Duration.ofMinutes(2), Duration.ofSeconds(15),
						Duration.ofMillis(10)),
				this.clock);
	}

	private static void runAll(Queue<Runnable> tasks) {
		for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
			task.run();
		}
	}

	private static Delivery pending(String id, String destination) {
		return new Delivery(id, "exec-" + id, "owner-1", "dep-1", DeliveryChannel.CALLBACK, destination + "/hook",
				destination, Message.callback("{}"), DeliveryStatus.PENDING, 0, 0, NOW, null, NOW, null, null);
	}

}
