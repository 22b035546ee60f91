package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts attempts while capacity lasts: new deliveries at once, due ones as the poller
 * claims them. Every attempt runs under a lease on the stored delivery. When a slot frees
 * up for a destination that has deliveries waiting, claiming resumes at once rather than
 * at the next poll.
 */
public final class DeliveryDispatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private final DeliveryStore store;

	private final DeliveryWorker worker;

	private final Capacity capacity;

	private final Backlog backlog = new Backlog();

	private final CoalescingTask claimRound;

	private final Settings settings;

	private final Clock clock;

	private volatile boolean closed;

	public DeliveryDispatcher(DeliveryStore store, DeliveryWorker worker, Executor executor, Settings settings,
			Clock clock) {
		this.store = store;
		this.worker = worker;
		this.capacity = new Capacity(settings.maxInFlight(), settings.maxInFlightPerDestination());
		this.claimRound = new CoalescingTask(executor, this::pollDue);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Stores a new delivery and, when it is due and there is room, attempts it at once
	 * (leased from the start, so no other instance claims it meanwhile).
	 * @return whether it was new
	 */
	public boolean admit(Delivery delivery) {
		Instant now = this.clock.instant();
		boolean startNow = delivery.status() == DeliveryStatus.PENDING && !delivery.nextAttemptAt().isAfter(now)
				&& !this.closed && this.capacity.tryReserve(delivery.destinationKey());
		Lease lease = startNow ? newLease(now) : null;
		boolean inserted;
		try {
			inserted = this.store.insert(delivery, lease);
		}
		catch (RuntimeException ex) {
			if (startNow) {
				this.capacity.release(delivery.destinationKey());
			}
			throw ex;
		}
		if (startNow && inserted) {
			start(new Claim(delivery, lease.token()));
		}
		else if (startNow) {
			this.capacity.release(delivery.destinationKey());
		}
		else if (inserted && delivery.status() == DeliveryStatus.PENDING) {
			this.backlog.waitingFor(delivery.destinationKey(), this.capacity.hasRoom());
		}
		return inserted;
	}

	/** Attempts one delivery now if it is due and there is room; else the poller will. */
	public void dispatchNow(String deliveryId) {
		Instant now = this.clock.instant();
		this.store.claim(deliveryId, now, now.plus(this.settings.lease())).ifPresent(this::startOrRelease);
	}

	/**
	 * Claims and starts due deliveries until none is due or there is no room.
	 * @return how many started
	 */
	public int pollDue() {
		int started = 0;
		while (!this.closed) {
			if (!this.capacity.hasRoom()) {
				this.backlog.roundFilledEverySlot();
				break;
			}
			Instant now = this.clock.instant();
			Set<String> busy = this.capacity.busyDestinations();
			Optional<Claim> claim = this.store.claimDue(now, now.plus(this.settings.lease()), busy);
			if (claim.isEmpty()) {
				this.backlog.roundFoundNothingBeyond(busy);
				break;
			}
			if (startOrRelease(claim.get())) {
				started++;
			}
		}
		return started;
	}

	/** Stops starting attempts and lets those in flight finish. */
	@Override
	public void close() throws InterruptedException {
		this.closed = true;
		if (!this.capacity.awaitIdle(this.settings.shutdownGrace())) {
			log.warn("Attempts still in flight at shutdown; their leases expire and another instance retries them");
		}
	}

	private boolean startOrRelease(Claim claim) {
		String destination = claim.delivery().destinationKey();
		if (this.closed || !this.capacity.tryReserve(destination)) {
			this.store.release(claim);
			this.backlog.waitingFor(destination, this.capacity.hasRoom());
			return false;
		}
		start(claim);
		return true;
	}

	private void start(Claim claim) {
		String destination = claim.delivery().destinationKey();
		CompletableFuture<Void> attempt;
		try {
			attempt = this.worker.run(claim);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the lease lapses and the delivery is claimed again.
			this.capacity.release(destination);
			return;
		}
		attempt.whenComplete((done, ex) -> {
			this.capacity.release(destination);
			if (ex != null && this.closed) {
				log.info("Attempt of delivery {} abandoned at shutdown; it is retried when its lease expires",
						claim.delivery().id());
			}
			else if (ex != null) {
				log.error("Attempt of delivery {} failed unexpectedly", claim.delivery().id(), ex);
			}
			if (!this.closed && this.backlog.mayHaveWaiting(destination)) {
				this.claimRound.request();
			}
		});
	}

	private Lease newLease(Instant now) {
		return new Lease(UUID.randomUUID().toString(), now.plus(this.settings.lease()));
	}

	/**
	 * @param maxInFlight attempts in flight at once
	 * @param maxInFlightPerDestination of those, to one destination
	 * @param lease how long a claim holds; longer than an attempt can take
	 * @param shutdownGrace how long shutdown waits for attempts in flight
	 */
	public record Settings(int maxInFlight, int maxInFlightPerDestination, Duration lease, Duration shutdownGrace) {
	}

}
