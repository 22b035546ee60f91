package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.DeliveryFailed;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.delivery.domain.owner.InMemoryErasedOwnerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryWorkerTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final Duration AFTER_ERROR = Duration.ofMinutes(1);

	private static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration EMAIL_TIMEOUT = Duration.ofSeconds(60);

	private static final Executor DIRECT = Runnable::run;

	/** The worker's schedule (0, 5 s, 5 min; no jitter) all told. */
	private static final Duration SCHEDULE_SPAN = Duration.ofMinutes(5).plusSeconds(5);

	private static final Duration BREAKER_OPEN_FOR = Duration.ofSeconds(60);

	private static final String BREAKER_OPEN = "Circuit breaker open for https://example.com:443; attempt deferred";

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();

	private final InMemoryAttemptLog attempts = this.store.attempts();

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final InMemoryErasedOwnerStore erasedOwners = new InMemoryErasedOwnerStore();

	private final ScriptedChannel channel = new ScriptedChannel(DeliveryChannel.CALLBACK,
			(delivery) -> Outcomes.delivered());

	private final ScriptedChannel email = new ScriptedChannel(DeliveryChannel.EMAIL,
			(delivery) -> Outcomes.delivered());

	private final DeliveryWorker worker = worker(new AttemptTimeouts(CALLBACK_TIMEOUT, EMAIL_TIMEOUT));

	@Test
	void recordsASuccessfulAttempt() {
		Delivery delivery = stored(0);

		this.worker.run(claim(delivery)).stored().join();

		Delivery after = this.store.get(delivery.id());
		assertThat(after.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
		assertThat(after.attempts()).isEqualTo(1);
		assertThat(after.finishedAt()).isEqualTo(NOW);
		assertThat(this.attempts.forDeliveries(List.of(delivery.id()))).singleElement()
			.satisfies((attempt) -> assertThat(attempt.number()).isEqualTo(1))
			.satisfies((attempt) -> assertThat(attempt.statusCode()).isEqualTo(200));
		assertThat(this.store.isLeased(delivery.id())).isFalse();
	}

	@Test
	void sendsNoClaimOfAnOwnerErasedSinceItWasClaimedAndRemovesItsDelivery() {
		Delivery delivery = stored(1);
		// Leased ahead, or waiting for a worker, when the owner was erased.
		Claim claim = claim(delivery);
		this.erasedOwners.add("owner-1", NOW);

		this.worker.run(claim).stored().join();

		assertThat(this.channel.sent).isEmpty();
		assertThat(this.store.get(delivery.id())).isNull();
		assertThat(this.store.findDue(NOW.plus(LEASE).plusSeconds(1), Set.of(), 10)).isEmpty();
		assertThat(this.publisher.events).isEmpty();
	}

	@Test
	void schedulesTheNextAttemptAfterAFailure() {
		this.channel.answer((delivery) -> Outcomes.failed(503));
		Delivery delivery = stored(0);

		this.worker.run(claim(delivery)).stored().join();

		Delivery after = this.store.get(delivery.id());
		assertThat(after.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(after.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
		assertThat(after.lastError()).isEqualTo("HTTP 503");
		assertThat(after.roundAttempts()).isEqualTo(1);
	}

	@Test
	void failsAfterTheLastAttemptOfTheRoundAndReportsIt() {
		this.channel.answer((delivery) -> Outcomes.failed(500));
		Delivery delivery = stored(2);

		this.worker.run(claim(delivery)).stored().join();

		Delivery after = this.store.get(delivery.id());
		assertThat(after.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(after.lastError()).isEqualTo("HTTP 500; gave up after 3 attempts");
		assertThat(this.publisher.events).singleElement().satisfies((DeliveryFailed event) -> {
			assertThat(event.deliveryId()).isEqualTo(delivery.id());
			assertThat(event.eventId()).isEqualTo(after.failureEventId());
			assertThat(event.attempts()).isEqualTo(3);
		});
		assertThat(this.store.unpublishedFailures(NOW.plusSeconds(1), 10)).isEmpty();
	}

	@Test
	void failsAtOnceOnAPermanentFailure() {
		this.channel.answer((delivery) -> Outcomes.permanent("Refused: loopback"));
		Delivery delivery = stored(0);

		this.worker.run(claim(delivery)).stored().join();

		assertThat(this.store.get(delivery.id()).status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(this.publisher.events).hasSize(1);
	}

	@Test
	void aDeferredAttemptIsNeitherCountedNorLogged() {
		this.channel.answer((delivery) -> Outcomes.done(AttemptOutcome.deferred(Duration.ofSeconds(30), "open")));
		Delivery delivery = stored(1);

		this.worker.run(claim(delivery)).stored().join();

		Delivery after = this.store.get(delivery.id());
		assertThat(after.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(after.attempts()).isEqualTo(1);
		assertThat(after.roundAttempts()).isEqualTo(1);
		assertThat(after.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
		assertThat(this.attempts.forDeliveries(List.of(delivery.id()))).isEmpty();
	}

	@Test
	void aDeliveryHeldBackByAnOpenBreakerIsPutOffWithoutCountingAnAttempt() {
		this.channel.answer((delivery) -> Outcomes.done(AttemptOutcome.heldBack(BREAKER_OPEN_FOR, BREAKER_OPEN)));
		Delivery delivery = stored("delivery-held", NOW.minus(SCHEDULE_SPAN), NOW.minus(SCHEDULE_SPAN), 1);

		this.worker.run(claim(delivery)).stored().join();

		Delivery after = this.store.get(delivery.id());
		assertThat(after.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(after.roundAttempts()).isEqualTo(1);
		assertThat(after.nextAttemptAt()).isEqualTo(NOW.plus(BREAKER_OPEN_FOR));
		assertThat(after.lastError()).isEqualTo(BREAKER_OPEN);
		assertThat(this.publisher.events).isEmpty();
	}

	@Test
	void aDeliveryHeldBackByAnOpenBreakerPastItsSchedulesSpanFailsAndIsReported() {
		this.channel.answer((delivery) -> Outcomes.done(AttemptOutcome.heldBack(BREAKER_OPEN_FOR, BREAKER_OPEN)));
		Instant longAgo = NOW.minus(SCHEDULE_SPAN).minusMillis(1);
		Delivery delivery = stored("delivery-held-long", longAgo, longAgo, 1);

		this.worker.run(claim(delivery)).stored().join();

		Delivery after = this.store.get(delivery.id());
		assertThat(after.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(after.finishedAt()).isEqualTo(NOW);
		assertThat(after.attempts()).isEqualTo(1);
		assertThat(after.lastError()).isEqualTo(BREAKER_OPEN + "; gave up after 1 attempts: "
				+ "the retry schedule ran out while an open circuit breaker put it off");
		assertThat(this.attempts.forDeliveries(List.of(delivery.id()))).isEmpty();
		assertThat(this.publisher.events).singleElement()
			.satisfies((DeliveryFailed event) -> assertThat(event.deliveryId()).isEqualTo(delivery.id()));
	}

	@Test
	void aReplayedDeliveryHeldBackByAnOpenBreakerHasAFreshRoundsTime() {
		this.channel.answer((delivery) -> Outcomes.done(AttemptOutcome.heldBack(BREAKER_OPEN_FOR, BREAKER_OPEN)));
		// Created long ago, replayed a second ago.
		Delivery replayed = stored("delivery-replayed", NOW.minus(Duration.ofDays(2)), NOW.minusSeconds(1), 0);

		this.worker.run(claim(replayed)).stored().join();

		assertThat(this.store.get(replayed.id()).status()).isEqualTo(DeliveryStatus.PENDING);
	}

	@Test
	void aSkippedDeliveryFinishesWithoutAnAttempt() {
		this.channel.answer((delivery) -> Outcomes.done(AttemptOutcome.skipped("disabled")));
		Delivery delivery = stored(0);

		this.worker.run(claim(delivery)).stored().join();

		assertThat(this.store.get(delivery.id()).status()).isEqualTo(DeliveryStatus.SKIPPED);
		assertThat(this.publisher.events).isEmpty();
	}

	@Test
	void writesNothingWhenTheLeaseWasLost() {
		Delivery delivery = stored(0);
		Claim lost = new Claim(delivery, "expired-token", NOW.plus(LEASE));

		this.worker.run(lost).stored().join();

		assertThat(this.store.get(delivery.id()).status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(this.attempts.forDeliveries(List.of(delivery.id()))).as("the attempt was made all the same")
			.singleElement()
			.satisfies((attempt) -> assertThat(attempt.statusCode()).isEqualTo(200));
	}

	@Test
	void releasesWithoutSendingAClaimWhoseLeaseCouldEndDuringTheAttempt() {
		Delivery delivery = stored(1);
		// Leased earlier; it waited for a worker until less than an attempt was left.
		Claim late = this.store.claim(delivery.id(), NOW, NOW.plus(CALLBACK_TIMEOUT).minusMillis(1)).orElseThrow();

		this.worker.run(late).stored().join();

		assertThat(this.channel.sent).isEmpty();
		assertThat(this.store.isLeased(delivery.id())).isFalse();
		Delivery after = this.store.get(delivery.id());
		assertThat(after).isEqualTo(delivery);
		assertThat(this.store.claim(delivery.id(), NOW, NOW.plus(LEASE))).as("due again at once").isPresent();
	}

	@Test
	void checksCallbackLeaseAgainstHttpTimeout() {
		DeliveryWorker worker = worker(new AttemptTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(90)));
		Delivery delivery = stored(1);
		// Too short for an email attempt, not for a callback's.
		Claim claim = this.store.claim(delivery.id(), NOW, NOW.plusSeconds(30)).orElseThrow();

		worker.run(claim).stored().join();

		assertThat(this.channel.sent).extracting(Delivery::id).containsExactly(delivery.id());
		assertThat(this.store.get(delivery.id()).status()).isEqualTo(DeliveryStatus.SUCCEEDED);
	}

	@Test
	void checksEmailLeaseAgainstSmtpTimeout() {
		DeliveryWorker worker = worker(new AttemptTimeouts(Duration.ofSeconds(90), Duration.ofSeconds(15)));
		Delivery inTime = stored("email-1", DeliveryChannel.EMAIL, 0);
		Delivery late = stored("email-2", DeliveryChannel.EMAIL, 0);
		// Too short for a callback attempt, not for an email's; then too short for
		// either.
		Claim inTimeClaim = this.store.claim(inTime.id(), NOW, NOW.plusSeconds(30)).orElseThrow();
		Claim lateClaim = this.store.claim(late.id(), NOW, NOW.plusSeconds(15)).orElseThrow();

		worker.run(inTimeClaim).stored().join();
		worker.run(lateClaim).stored().join();

		assertThat(this.email.sent).extracting(Delivery::id).containsExactly(inTime.id());
		assertThat(this.store.get(inTime.id()).status()).isEqualTo(DeliveryStatus.SUCCEEDED);
		assertThat(this.store.get(late.id())).isEqualTo(late);
		assertThat(this.store.isLeased(late.id())).isFalse();
		assertThat(this.channel.sent).isEmpty();
	}

	@Test
	void putsADeliveryOffWithoutCountingAnAttemptWhenTheAttemptCannotBeMade() {
		this.channel.answer((delivery) -> {
			throw new IllegalStateException("a bug");
		});
		Delivery delivery = stored(1);

		this.worker.run(claim(delivery)).stored().join();

		Delivery after = this.store.get(delivery.id());
		assertThat(after.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(after.nextAttemptAt()).isEqualTo(NOW.plus(AFTER_ERROR));
		assertThat(after.attempts()).isEqualTo(1);
		assertThat(after.roundAttempts()).isEqualTo(1);
		assertThat(after.lastError()).doesNotContain("a bug");
		assertThat(this.store.isLeased(delivery.id())).isFalse();
		assertThat(this.store.claim(delivery.id(), NOW.plusSeconds(1), NOW.plus(LEASE))).isEmpty();
		assertThat(this.attempts.forDeliveries(List.of(delivery.id()))).isEmpty();
	}

	@Test
	void releasesTheLeaseWhenTheAttemptCannotBeMadeNorPutOff() {
		this.channel.answer((delivery) -> CompletableFuture.failedFuture(new IllegalStateException("store down")));
		Delivery delivery = stored(0);
		this.store.failSettling(new IllegalStateException("store down"));

		this.worker.run(claim(delivery)).stored().join();

		assertThat(this.store.isLeased(delivery.id())).isFalse();
		assertThat(this.store.get(delivery.id()).attempts()).isZero();
	}

	private DeliveryWorker worker(AttemptTimeouts attemptTimeouts) {
		return new DeliveryWorker(List.of(this.channel, this.email), this.store, this.attempts,
				new RetryPolicy(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5)), 0,
						Duration.ofSeconds(60), Duration.ofHours(24), () -> 0L),
				AFTER_ERROR, attemptTimeouts,
				new FailureReporter(this.store, this.publisher, DIRECT, new FailureReporter.Settings(Duration.ZERO, 10),
						this.clock),
				new ErasedOwners(this.erasedOwners, Duration.ofSeconds(2), this.clock), DIRECT, this.clock);
	}

	private Delivery stored(int roundAttempts) {
		return stored("delivery-" + roundAttempts, DeliveryChannel.CALLBACK, roundAttempts);
	}

	private Delivery stored(String id, Instant createdAt, Instant roundStartedAt, int roundAttempts) {
		Delivery delivery = new Delivery(id, "exec-1", "owner-1", "dep-1", DeliveryChannel.CALLBACK,
				"https://example.com/hook", "https://example.com:443", Message.callback("{}"), DeliveryStatus.PENDING,
				roundAttempts, roundAttempts, NOW, null, createdAt, roundStartedAt, null, null);
		this.store.insertAll(List.of(delivery), Map.of());
		return delivery;
	}

	private Delivery stored(String id, DeliveryChannel channel, int roundAttempts) {
		boolean callback = channel == DeliveryChannel.CALLBACK;
		Delivery delivery = new Delivery(id, "exec-1", "owner-1", "dep-1", channel,
				callback ? "https://example.com/hook" : "owner@example.com",
				callback ? "https://example.com:443" : "email",
				callback ? Message.callback("{}") : Message.email("Done", "text", "<p>html</p>"),
				DeliveryStatus.PENDING, roundAttempts, roundAttempts, NOW, null, NOW.minusSeconds(60),
				NOW.minusSeconds(60), null, null);
		this.store.insertAll(List.of(delivery), Map.of());
		return delivery;
	}

	private Claim claim(Delivery delivery) {
		return this.store.claim(delivery.id(), NOW, NOW.plus(LEASE)).orElseThrow();
	}

}
