package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.delivery.domain.owner.OwnerErasedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one attempt of a claimed delivery and records what follows, in one write with the
 * attempt: success, the next try, or failure. Store work runs on the worker executor,
 * never on the HTTP client's I/O threads. A claim whose owner has been erased since it
 * was taken (one leased ahead, or waiting for a worker) is not sent but removed.
 */
public final class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	// Neutral: the error may have come after the request went out.
	private static final String NOT_ATTEMPTED = "An internal error ended the attempt; tried again later";

	private final Map<DeliveryChannel, Channel> channels = new EnumMap<>(DeliveryChannel.class);

	private final DeliveryStore store;

	private final AttemptLog attempts;

	private final RetryPolicy retry;

	private final Duration afterError;

	private final AttemptTimeouts attemptTimeouts;

	private final FailureReporter failures;

	private final ErasedOwners erased;

	private final Executor executor;

	private final Clock clock;

	/**
	 * @param afterError how long a delivery waits when its attempt could not be made for
	 * an unexpected error
	 * @param attemptTimeouts the most an attempt takes on each channel: the least lease
	 * it starts with
	 */
	public DeliveryWorker(List<Channel> channels, DeliveryStore store, AttemptLog attempts, RetryPolicy retry,
			Duration afterError, AttemptTimeouts attemptTimeouts, FailureReporter failures, ErasedOwners erased,
			Executor executor, Clock clock) {
		channels.forEach((channel) -> this.channels.put(channel.id(), channel));
		this.store = store;
		this.attempts = attempts;
		this.retry = retry;
		this.afterError = afterError;
		this.attemptTimeouts = attemptTimeouts;
		this.failures = failures;
		this.erased = erased;
		this.executor = executor;
		this.clock = clock;
	}

	/** Starts the attempt; its outcome is stored once the exchange ends. */
	Running run(Claim claim) {
		Delivery delivery = claim.delivery();
		CompletableFuture<AttemptOutcome> sent = CompletableFuture
			.supplyAsync(() -> sendWithinLease(claim), this.executor)
			.thenCompose(Function.identity());
		CompletableFuture<Void> stored = sent.handleAsync((outcome, ex) -> {
			if (ex != null && ex.getCause() instanceof LeaseRanShort) {
				release(claim);
			}
			else if (ex != null && ex.getCause() instanceof OwnerErasedException) {
				discard(claim);
			}
			else if (ex != null) {
				abandon(claim, ex);
			}
			else {
				settle(claim, outcome);
			}
			return null;
		}, this.executor);
		return new Running(sent, stored);
	}

	/**
	 * Sends unless the claim waited for a worker (behind slow store work) until its lease
	 * could end before the attempt (on the delivery's own channel): another instance
	 * could claim and send it meanwhile. Nor is a delivery of an owner erased since it
	 * was claimed sent.
	 */
	private CompletableFuture<AttemptOutcome> sendWithinLease(Claim claim) {
		Delivery delivery = claim.delivery();
		if (!this.attemptTimeouts.endsWithinLease(claim, this.clock.instant())) {
			log.warn("Delivery {} (execution {}) waited for a worker until its lease ran short; released, not sent",
					delivery.id(), delivery.executionId());
			throw new LeaseRanShort();
		}
		if (this.erased.isErased(delivery.ownerId())) {
			throw new OwnerErasedException(delivery.ownerId());
		}
		return this.channels.get(delivery.channel()).send(delivery);
	}

	private void settle(Claim claim, AttemptOutcome outcome) {
		Delivery delivery = claim.delivery();
		Instant now = this.clock.instant();
		Delivery next;
		Optional<Attempt> attempt = Optional.empty();
		if (outcome.attempted()) {
			Delivery attempted = delivery.afterAttempt();
			attempt = Optional.of(outcome.toAttempt(delivery.id(), attempted.attempts()));
			next = afterAttempt(attempted, outcome, now);
		}
		else {
			next = switch (outcome.verdict()) {
				case SKIPPED -> delivery.skipped(outcome.error(), now);
				case HELD_BACK -> heldBack(delivery, outcome, now);
				default -> delivery.pendingUntil(now.plus(outcome.retryAfter()), outcome.error());
			};
		}
		if (!this.store.settle(claim, next, attempt)) {
			if (this.erased.isErased(delivery.ownerId())) {
				log.info("Delivery {} (execution {}) was erased with its owner during its attempt", delivery.id(),
						delivery.executionId());
				return;
			}
			// The attempt was made all the same.
			attempt.ifPresent(this.attempts::record);
			log.warn("Lost the lease on delivery {} (execution {}) during its attempt; another instance owns it now",
					delivery.id(), delivery.executionId());
			return;
		}
		if (next.status() == DeliveryStatus.FAILED) {
			this.failures.report(next);
		}
	}

	private Delivery afterAttempt(Delivery attempted, AttemptOutcome outcome, Instant now) {
		return switch (outcome.verdict()) {
			case DELIVERED -> attempted.succeeded(now);
			case PERMANENT -> attempted.failed(outcome.error(), now);
			default -> this.retry.delayAfter(attempted.roundAttempts(), outcome)
				.map((delay) -> attempted.pendingUntil(now.plus(delay), outcome.error()))
				.orElseGet(() -> attempted
					.failed(outcome.error() + "; gave up after " + attempted.roundAttempts() + " attempts", now));
		};
	}

	/**
	 * Put off while its destination's breaker is open, until its round has run the
	 * schedule's time: a destination that stays down fails its deliveries then, as if
	 * every attempt had been made.
	 */
	private Delivery heldBack(Delivery delivery, AttemptOutcome outcome, Instant now) {
		if (this.retry.roundOver(delivery.roundStartedAt(), now)) {
			return delivery.failed(outcome.error() + "; gave up after " + delivery.roundAttempts()
					+ " attempts: the retry schedule ran out while an open circuit breaker put it off", now);
		}
		return delivery.pendingUntil(now.plus(this.retry.heldBackFor(outcome.retryAfter())), outcome.error());
	}

	/**
	 * An unexpected error (not a failed delivery): tried again a while later, not counted
	 * as an attempt. Not due at once, or an error that recurs would have it claimed on
	 * every poll.
	 */
	private void abandon(Claim claim, Throwable ex) {
		Delivery delivery = claim.delivery();
		log.error("Could not attempt delivery {} (execution {}); it will be tried again in {}", delivery.id(),
				delivery.executionId(), this.afterError, ex);
		Instant later = this.clock.instant().plus(this.afterError);
		try {
			// The details are for the operator, not in the owner's delivery log.
			this.store.settle(claim, delivery.pendingUntil(later, NOT_ATTEMPTED), Optional.empty());
		}
		catch (RuntimeException settleFailure) {
			log.warn("Could not put delivery {} off; releasing it", delivery.id(), settleFailure);
			release(claim);
		}
	}

	/**
	 * Its owner was erased after it was claimed (or it was stored as the erasure ran):
	 * not sent, and removed if it is still there.
	 */
	private void discard(Claim claim) {
		Delivery delivery = claim.delivery();
		log.info("Delivery {} (execution {}) not sent: its owner was deleted", delivery.id(), delivery.executionId());
		try {
			this.store.discard(claim);
		}
		catch (RuntimeException discardFailure) {
			log.warn("Could not remove delivery {} of a deleted owner; it is removed when claimed again", delivery.id(),
					discardFailure);
		}
	}

	private void release(Claim claim) {
		try {
			this.store.release(claim);
		}
		catch (RuntimeException releaseFailure) {
			log.warn("Could not release delivery {}; its lease will expire", claim.delivery().id(), releaseFailure);
		}
	}

	/** Not sent: its claim is given back, to be claimed again with a fresh lease. */
	private static final class LeaseRanShort extends RuntimeException {

		LeaseRanShort() {
			super(null, null, false, false);
		}

	}

	/**
	 * An attempt under way.
	 *
	 * @param sent completes when the exchange with the destination ended
	 * @param stored completes when its outcome is stored (or the claim abandoned)
	 */
	record Running(CompletableFuture<AttemptOutcome> sent, CompletableFuture<Void> stored) {
	}

}
