package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims for slots that free up at a destination: one leased ahead while its lease is
 * fresh, or else the deliveries the backlog remembers for it, a slot's worth leased in
 * one store command and the rest kept ready. A claim kept ready holds its message's bytes
 * in {@link Capacity}, so no more is leased ahead than fits.
 */
final class NextClaims {

	private static final Logger log = LoggerFactory.getLogger(NextClaims.class);

	private final DeliveryStore store;

	private final Backlog backlog;

	private final Capacity capacity;

	private final ReadyClaims ready;

	private final Clock clock;

	private final Duration lease;

	private final int perDestination;

	/** The bytes one destination leases ahead at once: its share of all the bytes. */
	private final long aheadShare;

	NextClaims(DeliveryStore store, Backlog backlog, Capacity capacity, Clock clock,
			DeliveryDispatcher.Settings settings) {
		this.store = store;
		this.backlog = backlog;
		this.capacity = capacity;
		this.clock = clock;
		this.lease = settings.lease();
		this.perDestination = settings.maxInFlightPerDestination();
		this.aheadShare = settings.maxInFlightBytes() * this.perDestination / settings.maxInFlight();
		// A claim handed out later could outlast its lease before its attempt ends.
		this.ready = new ReadyClaims(settings.attemptTimeouts());
	}

	/**
	 * The next delivery for a slot at this destination, its message's bytes held, or
	 * {@code null} if none waits or none fits.
	 */
	ReservedClaim next(String destination) {
		while (true) {
			Instant now = this.clock.instant();
			List<ReservedClaim> stale = new ArrayList<>();
			ReservedClaim next = this.ready.next(destination, now, stale);
			giveBack(stale);
			if (next != null) {
				return next;
			}
			List<DeliveryStore.Due> remembered = this.backlog.next(destination, this.perDestination, withinShare());
			if (remembered.isEmpty()) {
				return null;
			}
			leaseAhead(remembered, now);
		}
	}

	private void leaseAhead(List<DeliveryStore.Due> remembered, Instant now) {
		Map<String, Long> sizes = new HashMap<>();
		remembered.forEach((due) -> sizes.put(due.deliveryId(), due.messageSize()));
		List<Claim> claims;
		try {
			claims = this.store.claimAll(remembered, now, now.plus(this.lease));
		}
		catch (RuntimeException ex) {
			sizes.values().forEach(this.capacity::releaseBytes);
			throw ex;
		}
		for (Claim claim : claims) {
			this.ready.add(new ReservedClaim(claim, sizes.remove(claim.delivery().id())));
		}
		// Claimed elsewhere or settled meanwhile.
		sizes.values().forEach(this.capacity::releaseBytes);
	}

	/**
	 * Reserves the bytes of the first remembered delivery if they fit, and of the next
	 * ones while they stay within the destination's share.
	 */
	private LongPredicate withinShare() {
		long[] taken = { 0 };
		return (size) -> {
			if (taken[0] > 0 && taken[0] + size > this.aheadShare) {
				return false;
			}
			if (!this.capacity.tryReserveBytes(size)) {
				return false;
			}
			taken[0] += size;
			return true;
		};
	}

	/**
	 * Gives back the claims leased ahead for a destination that cannot use them soon, to
	 * be claimed again by id or by the poller.
	 */
	void giveBack(String destination) {
		List<ReservedClaim> claims = this.ready.drain(destination);
		giveBack(claims);
		claims.forEach((reserved) -> this.backlog.waiting(destination, reserved.claim().delivery().id(),
				reserved.bytes(), false));
	}

	/**
	 * Gives back every claim leased ahead (at shutdown), so another instance need not
	 * wait.
	 */
	void giveBackAll() {
		giveBack(this.ready.drain());
	}

	private void giveBack(List<ReservedClaim> claims) {
		for (ReservedClaim reserved : claims) {
			this.capacity.releaseBytes(reserved.bytes());
			try {
				this.store.release(reserved.claim());
			}
			catch (RuntimeException ex) {
				log.warn("Could not release delivery {}; its lease will expire", reserved.claim().delivery().id(), ex);
			}
		}
	}

}
