package dev.flowgate.delivery.domain.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which due deliveries found no free slot, so a slot freed for them can be refilled at
 * once. Only a hint: MongoDB holds the deliveries, and the poller finds them anyway.
 */
final class Backlog {

	/** Destinations whose due deliveries found their own slots taken. */
	private final Set<String> destinations = ConcurrentHashMap.newKeySet();

	/** Whether due deliveries found every slot taken. */
	private volatile boolean waitingForRoom;

	void waitingFor(String destination, boolean roomLeft) {
		if (roomLeft) {
			this.destinations.add(destination);
		}
		else {
			this.waitingForRoom = true;
		}
	}

	/** A claiming round stopped for lack of room. */
	void roundFilledEverySlot() {
		this.waitingForRoom = true;
	}

	/** A claiming round found nothing due beyond the busy destinations. */
	void roundFoundNothingBeyond(Set<String> busy) {
		this.waitingForRoom = false;
		this.destinations.retainAll(busy);
	}

	/** Whether a slot freed at this destination may have a delivery waiting for it. */
	boolean mayHaveWaiting(String destination) {
		return this.waitingForRoom || this.destinations.contains(destination);
	}

}
