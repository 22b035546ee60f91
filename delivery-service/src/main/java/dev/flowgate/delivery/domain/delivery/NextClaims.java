package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims for slots that free up at a destination: one leased ahead while its lease is
 * fresh, or else the deliveries the backlog remembers for it, a slot's worth leased in
 * one store command and the rest kept ready.
 */
final class NextClaims {

	private static final Logger log = LoggerFactory.getLogger(NextClaims.class);

	private final DeliveryStore store;

	private final Backlog backlog;

	private final ReadyClaims ready;

	private final Clock clock;

	private final Duration lease;

	private final int perDestination;

	NextClaims(DeliveryStore store, Backlog backlog, Clock clock, DeliveryDispatcher.Settings settings) {
		this.store = store;
		this.backlog = backlog;
		this.clock = clock;
		this.lease = settings.lease();
		this.perDestination = settings.maxInFlightPerDestination();
		// A claim handed out later could outlast its lease before its attempt ends.
		this.ready = new ReadyClaims(settings.lease().minus(settings.attemptTimeout()));
	}

	/**
	 * The next delivery for a slot at this destination, or {@code null} if none waits.
	 */
	Claim next(String destination) {
		while (true) {
			Instant now = this.clock.instant();
			List<Claim> stale = new ArrayList<>();
			Claim next = this.ready.next(destination, now, stale);
			giveBack(stale);
			if (next != null) {
				return next;
			}
			List<String> ids = this.backlog.next(destination, this.perDestination);
			if (ids.isEmpty()) {
				return null;
			}
			List<DeliveryStore.Due> remembered = ids.stream()
				.map((id) -> new DeliveryStore.Due(id, destination, null))
				.toList();
			this.store.claimAll(remembered, now, now.plus(this.lease)).forEach((claim) -> this.ready.add(claim, now));
		}
	}

	/**
	 * Gives back every claim leased ahead (at shutdown), so another instance need not
	 * wait.
	 */
	void giveBackAll() {
		giveBack(this.ready.drain());
	}

	private void giveBack(List<Claim> claims) {
		for (Claim claim : claims) {
			try {
				this.store.release(claim);
			}
			catch (RuntimeException ex) {
				log.warn("Could not release delivery {}; its lease will expire", claim.delivery().id(), ex);
			}
		}
	}

}
