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
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.delivery.domain.owner.InMemoryErasedOwnerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DeliveryDispatcherTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Executor DIRECT = Runnable::run;

	private static final AttemptTimeouts ATTEMPT_TIMEOUTS = new AttemptTimeouts(Duration.ofSeconds(15),
			Duration.ofSeconds(15));

	/** The bytes of messages held at once. */
	private static final long MAX_BYTES = 100;

	/** What a delivery stored before sizes were is held to take. */
	private static final long MAX_MESSAGE_BYTES = 60;

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

	@Test
	void startsNoMoreMessagesThanTheirBytesAllowAndTheRestAsBytesAreGivenBack() {
		admit(pending("a1", "https://a.example", 40));
		admit(pending("b1", "https://b.example", 40));

		assertThat(admit(pending("c1", "https://c.example", 40))).isTrue();

		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "b1");
		assertThat(this.store.isLeased("c1")).isFalse();
		this.inFlight.get("a1").complete(Outcomes.delivered().join());
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "b1", "c1");
	}

	@Test
	void aMessageLargerThanAllTheBytesIsSentAloneOnceNothingElseIsHeld() {
		admit(pending("a1", "https://a.example", 2));
		admit(pending("big", "https://b.example", 150));

		this.inFlight.get("a1").complete(Outcomes.delivered().join());
		admit(pending("c1", "https://c.example", 2));

		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "big");
		this.inFlight.get("big").complete(Outcomes.delivered().join());
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "big", "c1");
	}

	@Test
	void aBacklogAtOneDestinationIsLeasedAheadOnlyAsFarAsItsBytesFit() {
		List<Delivery> backlog = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			backlog.add(pending("a" + i, "https://a.example", 40));
		}
		this.dispatcher.admit(backlog);

		this.inFlight.get("a1").complete(Outcomes.delivered().join());

		// a3 fits beside a2, a4 not: it is not leased ahead for a2's slot.
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "a2", "a3");
		assertThat(this.store.isLeased("a4")).isFalse();
		for (int i = 2; i <= 6; i++) {
			this.inFlight.get("a" + i).complete(Outcomes.delivered().join());
		}
		assertThat(this.store.get("a6").status()).isEqualTo(DeliveryStatus.SUCCEEDED);
		// Every byte was given back: three more messages fit at once.
		admit(pending("b1", "https://b.example", 30));
		admit(pending("c1", "https://c.example", 30));
		admit(pending("d1", "https://d.example", 30));
		assertThat(this.channel.sent).extracting(Delivery::id).endsWith("b1", "c1", "d1");
	}

	@Test
	void aDeliveryStoredBeforeSizesIsHeldToTakeTheLargestMessage() {
		this.store.insertWithoutSizes(List.of(pending("a1", "https://a.example"), pending("b1", "https://b.example")));

		assertThat(this.dispatcher.pollDue()).isEqualTo(1);

		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1");
		this.inFlight.get("a1").complete(Outcomes.delivered().join());
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "b1");
	}

	@Test
	void aClaimingRoundThatFindsNoRoomForAnyDeliveryEndsInsteadOfSearchingAgain() {
		admit(pending("a1", "https://a.example", 60));
		this.store.insertAll(List.of(pending("b1", "https://b.example", 60), pending("c1", "https://c.example", 60),
				pending("d1", "https://d.example", 60)), Map.of());
		int searchesBefore = this.store.searches;

		int started = assertTimeoutPreemptively(Duration.ofSeconds(10), this.dispatcher::pollDue);

		assertThat(started).isZero();
		assertThat(this.store.searches - searchesBefore).isOne();
	}

	@Test
	void smallerMessagesWaitBehindALargeOneThatFoundNoRoom() {
		admit(pending("a1", "https://a.example", 40));
		this.store.insertAll(List.of(pending("big", "https://b.example", 80)), Map.of());
		assertThat(this.dispatcher.pollDue()).isZero();

		admit(pending("c1", "https://c.example", 10));

		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1");
		this.inFlight.get("a1").complete(Outcomes.delivered().join());
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "big", "c1");
	}

	@Test
	void roomKeptForALargeMessageHoldsWhileTheNextRoundSearches() {
		admit(pending("a1", "https://a.example", 40));
		this.store.insertAll(List.of(pending("big", "https://b.example", 80)), Map.of());
		this.dispatcher.pollDue();
		this.store.beforeNextSearch(() -> admit(pending("c1", "https://c.example", 10)));

		this.dispatcher.pollDue();

		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1");
		this.inFlight.get("a1").complete(Outcomes.delivered().join());
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("a1", "big", "c1");
	}

	@Test
	void claimsLeasedAheadAreGivenBackWhenEverySlotIsTaken() {
		Queue<Runnable> storeWork = new ArrayDeque<>();
		DeliveryDispatcher dispatcher = dispatcher(storeWork::add);
		dispatcher.admit(List.of(pending("x1", "https://x.example"), pending("x2", "https://x.example"),
				pending("x3", "https://x.example"), pending("x4", "https://x.example")));
		runAll(storeWork);
		// x1's slot goes to x3; x4 is leased ahead with it.
		this.inFlight.get("x1").complete(Outcomes.delivered().join());
		runAll(storeWork);
		dispatcher.admit(List.of(pending("y1", "https://y.example")));
		runAll(storeWork);
		assertThat(this.store.isLeased("x4")).isTrue();

		// Every slot is taken when x2's exchange ends: x4 could not start soon.
		this.inFlight.get("x2").complete(Outcomes.delivered().join());

		assertThat(this.store.isLeased("x4")).isFalse();
		runAll(storeWork);
		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly("x1", "x2", "x3", "y1", "x4");
	}

	private boolean admit(Delivery delivery) {
		return this.dispatcher.admit(List.of(delivery)).contains(delivery.id());
	}

	/** At most three attempts in flight, two per destination. */
	private DeliveryDispatcher dispatcher(Executor workerExecutor) {
		return new DeliveryDispatcher(this.store,
				new DeliveryWorker(List.of(this.channel), this.store, this.store.attempts(),
						new RetryPolicy(List.of(Duration.ZERO), 0, Duration.ZERO, Duration.ZERO, () -> 0L),
						Duration.ofMinutes(1), ATTEMPT_TIMEOUTS,
						new FailureReporter(this.store, new RecordingPublisher(), DIRECT,
								new FailureReporter.Settings(Duration.ZERO, 10), this.clock),
						new ErasedOwners(new InMemoryErasedOwnerStore(), Duration.ofSeconds(2), this.clock),
						workerExecutor, this.clock),
				DIRECT, new DeliveryDispatcher.Settings(3, 2, MAX_BYTES, MAX_MESSAGE_BYTES, Duration.ofMinutes(2),
						ATTEMPT_TIMEOUTS, Duration.ofMillis(10)),
				this.clock);
	}

	private static void runAll(Queue<Runnable> tasks) {
		for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
			task.run();
		}
	}

	private static Delivery pending(String id, String destination) {
		return pending(id, destination, 2);
	}

	/** A callback whose message has this many bytes: 2, or 9 and more. */
	private static Delivery pending(String id, String destination, int bytes) {
		String json = (bytes == 2) ? "{}" : "{\"p\":\"" + "x".repeat(bytes - 8) + "\"}";
		return new Delivery(id, "exec-" + id, "owner-1", "dep-1", DeliveryChannel.CALLBACK, destination + "/hook",
				destination, Message.callback(json), DeliveryStatus.PENDING, 0, 0, NOW, null, NOW, NOW, null, null);
	}

}
