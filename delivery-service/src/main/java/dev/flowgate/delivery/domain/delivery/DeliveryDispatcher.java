package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts attempts while capacity lasts (slots, and bytes of the messages held): new
 * deliveries at once, due ones as the poller claims them. Every attempt runs under a
 * lease on the stored delivery. When a slot frees up for a destination that has
 * deliveries waiting, the next one is claimed at once (by id when it is remembered)
 * rather than at the next poll ({@link Launches}).
 */
public final class DeliveryDispatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	/** Waiting delivery ids remembered per slot, so a backlog is searched for rarely. */
	private static final int REMEMBERED_PER_SLOT = 4;

	private final DeliveryStore store;

	private final Capacity capacity;

	private final Backlog backlog;

	private final NextClaims nextClaims;

	private final Launches launches;

	private final ClaimingRound claimingRound;

	private final Settings settings;

	private final Clock clock;

	public DeliveryDispatcher(DeliveryStore store, DeliveryWorker worker, Executor executor, Settings settings,
			Clock clock) {
		this.store = store;
		this.capacity = new Capacity(settings.maxInFlight(), settings.maxInFlightPerDestination(),
				settings.maxInFlightBytes());
		this.backlog = new Backlog(settings.maxInFlight() * REMEMBERED_PER_SLOT);
		this.nextClaims = new NextClaims(store, this.backlog, this.capacity, clock, settings);
		this.launches = new Launches(store, worker, this.capacity, this.backlog, this.nextClaims,
				new CoalescingTask(executor, this::pollDue));
		this.claimingRound = new ClaimingRound(store, this.capacity, this.backlog, this.launches, settings, clock);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Stores new deliveries in one write and attempts those due at once while there is
	 * room (leased from the start, so no other instance claims them meanwhile).
	 * @param deliveries with distinct ids
	 * @return the ids of those that were new
	 */
	public Set<String> admit(List<Delivery> deliveries) {
		Instant now = this.clock.instant();
		Map<String, Lease> leases = new HashMap<>();
		Map<String, Long> sizes = new HashMap<>();
		for (Delivery delivery : deliveries) {
			long size = delivery.message().size();
			sizes.put(delivery.id(), size);
			if (isDue(delivery, now) && !this.launches.isClosed()
					&& this.capacity.tryReserve(delivery.destinationKey(), size)) {
				leases.put(delivery.id(), newLease(now));
			}
		}
		Set<String> inserted;
		try {
			inserted = this.store.insertAll(deliveries, leases);
		}
		catch (RuntimeException ex) {
			// Some may be stored all the same, leased to this instance: their leases are
			// given back, so that they are tried at once, not after the lease.
			deliveries.stream().filter((delivery) -> leases.containsKey(delivery.id())).forEach((delivery) -> {
				this.capacity.release(delivery.destinationKey(), sizes.get(delivery.id()));
				Lease lease = leases.get(delivery.id());
				giveBack(new Claim(delivery, lease.token(), lease.until()));
			});
			throw ex;
		}
		for (Delivery delivery : deliveries) {
			Lease lease = leases.get(delivery.id());
			boolean isNew = inserted.contains(delivery.id());
			long size = sizes.get(delivery.id());
			if (lease != null && isNew) {
				this.launches.start(new ReservedClaim(new Claim(delivery, lease.token(), lease.until()), size));
			}
			else if (lease != null) {
				this.capacity.release(delivery.destinationKey(), size);
			}
			else if (isNew && isDue(delivery, now)) {
				this.backlog.waiting(delivery.destinationKey(), delivery.id(), size, this.capacity.hasRoomFor(size));
			}
		}
		return inserted;
	}

	private void giveBack(Claim claim) {
		try {
			this.store.release(claim);
		}
		catch (RuntimeException ex) {
			// The store is away: the lease runs out by itself.
		}
	}

	/** Attempts one delivery now if it is due and there is room; else the poller will. */
	public void dispatchNow(String deliveryId) {
		Instant now = this.clock.instant();
		this.store.claim(deliveryId, now, now.plus(this.settings.lease())).ifPresent(this.launches::startOrRelease);
	}

	/**
	 * Claims and starts due deliveries until none is due or there is no room; those it
	 * finds no room for are remembered for when a slot frees up.
	 * @return how many started
	 */
	public int pollDue() {
		return this.claimingRound.run();
	}

	/**
	 * Stops starting attempts, gives back what was leased ahead, and lets those in flight
	 * finish.
	 */
	@Override
	public void close() throws InterruptedException {
		this.launches.close();
		this.nextClaims.giveBackAll();
		if (!this.capacity.awaitIdle(this.settings.shutdownGrace())) {
			log.warn("Attempts still in flight at shutdown; their leases expire and another instance retries them");
		}
	}

	private static boolean isDue(Delivery delivery, Instant now) {
		return delivery.status() == DeliveryStatus.PENDING && !delivery.nextAttemptAt().isAfter(now);
	}

	private Lease newLease(Instant now) {
		return new Lease(UUID.randomUUID().toString(), now.plus(this.settings.lease()));
	}

	/**
	 * @param maxInFlight attempts in flight at once
	 * @param maxInFlightPerDestination of those, to one destination
	 * @param maxInFlightBytes the bytes of their messages, with those leased ahead
	 * @param maxMessageBytes the largest message stored
	 * @param lease how long a claim holds; longer than an attempt can take
	 * @param attemptTimeouts the longest an attempt can take on each channel
	 * @param shutdownGrace how long shutdown waits for attempts in flight
	 */
	public record Settings(int maxInFlight, int maxInFlightPerDestination, long maxInFlightBytes, long maxMessageBytes,
			Duration lease, AttemptTimeouts attemptTimeouts, Duration shutdownGrace) {
	}

}
