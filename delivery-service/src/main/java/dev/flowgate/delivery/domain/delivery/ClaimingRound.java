package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One claiming round: searches the store for due deliveries, due longest first, and
 * starts them until none is due or there is no room; those it finds no room for are
 * remembered for when a slot frees up. The oldest that finds a slot but no room for its
 * message is waited for.
 */
final class ClaimingRound {

	private final DeliveryStore store;

	private final Capacity capacity;

	private final Backlog backlog;

	private final Launches launches;

	private final DeliveryDispatcher.Settings settings;

	private final Clock clock;

	ClaimingRound(DeliveryStore store, Capacity capacity, Backlog backlog, Launches launches,
			DeliveryDispatcher.Settings settings, Clock clock) {
		this.store = store;
		this.capacity = capacity;
		this.backlog = backlog;
		this.launches = launches;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @return how many started
	 */
	int run() {
		int started = 0;
		boolean more = true;
		boolean searched = false;
		boolean noRoom = false;
		while (more && !noRoom && !this.launches.isClosed()) {
			if (!this.capacity.hasRoom()) {
				this.backlog.roundFilledEverySlot();
				break;
			}
			searched = true;
			Set<String> busy = this.capacity.busyDestinations();
			List<DeliveryStore.Due> due = this.store.findDue(this.clock.instant(), busy, this.settings.maxInFlight());
			more = due.size() == this.settings.maxInFlight();
			if (!more) {
				this.backlog.roundSawAllBut(busy);
			}
			List<DeliveryStore.Due> reserved = new ArrayList<>();
			for (DeliveryStore.Due candidate : due) {
				long size = sizeOf(candidate);
				if (!this.launches.isClosed() && this.capacity.tryReserve(candidate.destinationKey(), size)) {
					reserved.add(candidate);
					continue;
				}
				if (!noRoom && !this.capacity.hasRoomFor(size)) {
					// Due longest first: the first refused is the one waited for.
					this.capacity.waitFor(size);
					noRoom = true;
				}
				remember(candidate, more);
			}
			started += startReserved(reserved);
		}
		if (noRoom) {
			// The next search would find the same deliveries: wait for room.
			this.backlog.roundFilledEverySlot();
		}
		else if (searched) {
			// None was refused for room: a message waited for has gone elsewhere.
			this.capacity.waitForNone();
		}
		return started;
	}

	private void remember(DeliveryStore.Due candidate, boolean mayHaveMore) {
		String destination = candidate.destinationKey();
		long size = sizeOf(candidate);
		this.backlog.waiting(destination, candidate.deliveryId(), size, this.capacity.hasRoomFor(size));
		if (mayHaveMore) {
			this.backlog.moreBeyond(destination);
		}
	}

	/**
	 * Claims deliveries whose slots are already reserved, all at once, and starts those
	 * claimed; gives the other slots back.
	 * @return how many started
	 */
	private int startReserved(List<DeliveryStore.Due> reserved) {
		List<Claim> claims;
		try {
			Instant now = this.clock.instant();
			claims = this.store.claimAll(reserved, now, now.plus(this.settings.lease()));
		}
		catch (RuntimeException ex) {
			reserved.forEach((due) -> this.capacity.release(due.destinationKey(), sizeOf(due)));
			throw ex;
		}
		Map<String, DeliveryStore.Due> unclaimed = new HashMap<>();
		reserved.forEach((due) -> unclaimed.put(due.deliveryId(), due));
		List<ReservedClaim> starting = claims.stream()
			.map((claim) -> new ReservedClaim(claim, sizeOf(unclaimed.remove(claim.delivery().id()))))
			.toList();
		unclaimed.values().forEach((due) -> this.capacity.release(due.destinationKey(), sizeOf(due)));
		starting.forEach(this.launches::start);
		return starting.size();
	}

	/** A delivery stored before sizes were is held to be as large as a message may be. */
	private long sizeOf(DeliveryStore.Due due) {
		return (due.messageSize() != DeliveryStore.Due.UNKNOWN_SIZE) ? due.messageSize()
				: this.settings.maxMessageBytes();
	}

}
