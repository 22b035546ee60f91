package dev.flowgate.delivery.domain.delivery;

import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempts in flight: starts claimed deliveries in their reserved slots, frees the
 * slots as the attempts end, and fills a slot freed at a destination with the next
 * delivery waiting for it (or asks for a claiming round when there may be more).
 */
final class Launches {

	private static final Logger log = LoggerFactory.getLogger(Launches.class);

	private final DeliveryStore store;

	private final DeliveryWorker worker;

	private final Capacity capacity;

	private final Backlog backlog;

	private final NextClaims nextClaims;

	private final CoalescingTask claimRound;

	private volatile boolean closed;

	Launches(DeliveryStore store, DeliveryWorker worker, Capacity capacity, Backlog backlog, NextClaims nextClaims,
			CoalescingTask claimRound) {
		this.store = store;
		this.worker = worker;
		this.capacity = capacity;
		this.backlog = backlog;
		this.nextClaims = nextClaims;
		this.claimRound = claimRound;
	}

	boolean isClosed() {
		return this.closed;
	}

	/** Starts nothing from now on; attempts in flight finish. */
	void close() {
		this.closed = true;
	}

	/** Starts the claim if its destination has room, else gives it back for later. */
	void startOrRelease(Claim claim) {
		String destination = claim.delivery().destinationKey();
		long size = claim.delivery().message().size();
		if (this.closed || !this.capacity.tryReserve(destination, size)) {
			this.store.release(claim);
			this.backlog.waiting(destination, claim.delivery().id(), size, this.capacity.hasRoomFor(size));
			return;
		}
		start(new ReservedClaim(claim, size));
	}

	/** Starts a claim whose slot and bytes are already reserved. */
	void start(ReservedClaim reserved) {
		Claim claim = reserved.claim();
		String destination = reserved.destination();
		DeliveryWorker.Running attempt;
		try {
			attempt = this.worker.run(claim);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the lease lapses and the delivery is claimed again.
			this.capacity.release(destination, reserved.bytes());
			return;
		}
		attempt.sent().whenComplete((outcome, ex) -> {
			this.capacity.releaseDestination(destination);
			refill(destination);
		});
		attempt.stored().whenComplete((done, ex) -> {
			this.capacity.releaseSlot(reserved.bytes());
			if (ex != null && this.closed) {
				log.info("Attempt of delivery {} abandoned at shutdown; it is retried when its lease expires",
						claim.delivery().id());
			}
			else if (ex != null) {
				notStored(claim, ex);
			}
			if (!this.closed && this.backlog.waitingForRoom()) {
				this.claimRound.request();
			}
		});
	}

	/**
	 * Mostly MongoDB away, for every attempt in flight: one line each, as nothing is lost
	 * (the attempt is made again); the stack at debug level.
	 */
	private static void notStored(Claim claim, Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		log.warn("Outcome of delivery {} (execution {}) not stored ({}); it is attempted again when its lease expires",
				claim.delivery().id(), claim.delivery().executionId(), cause.toString());
		log.debug("Outcome of delivery {} not stored", claim.delivery().id(), cause);
	}

	/**
	 * A slot freed at this destination: starts the deliveries waiting for it while there
	 * is room, and once none is left asks for a claiming round if there may be others.
	 */
	private void refill(String destination) {
		boolean exhausted = false;
		try {
			while (!this.closed) {
				// The slot alone: a claim's bytes are held from when it is leased.
				if (!this.capacity.tryReserve(destination, 0)) {
					if (!this.capacity.hasRoom()) {
						this.backlog.roomWantedBy(destination);
					}
					if (!this.capacity.isBusy(destination)) {
						// Every slot is taken: its claims leased ahead would hold their
						// bytes until they went stale.
						this.nextClaims.giveBack(destination);
					}
					break;
				}
				ReservedClaim next = this.nextClaims.next(destination);
				if (next == null) {
					this.capacity.release(destination, 0);
					exhausted = true;
					break;
				}
				start(next);
			}
		}
		catch (RuntimeException ex) {
			this.capacity.release(destination, 0);
			log.warn("Could not claim the next delivery to {} ({}); the poller will", destination, ex.toString());
			log.debug("Could not claim the next delivery to {}", destination, ex);
		}
		if (exhausted && !this.closed && this.backlog.mayHaveMore(destination)) {
			this.claimRound.request();
		}
	}

}
