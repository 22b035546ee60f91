package dev.flowgate.delivery.domain.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Which due deliveries found no free slot (or no room for their message), so a slot freed
 * for them is refilled at once and by id, without searching. Only a hint: MongoDB holds
 * the deliveries, and the poller finds them anyway; it remembers a bounded number of ids
 * and beyond that only which destinations have more.
 */
final class Backlog {

	private final int limit;

	/**
	 * Due delivery ids per destination, in the order they were found waiting, with the
	 * sizes of their messages.
	 */
	private final Map<String, Map<String, Long>> waiting = new HashMap<>();

	/** Destinations that may have due deliveries waiting beyond the remembered ones. */
	private final Set<String> beyond = new HashSet<>();

	private int remembered;

	/** Whether due deliveries found every slot taken. */
	private boolean waitingForRoom;

	/**
	 * @param limit the most delivery ids remembered
	 */
	Backlog(int limit) {
		this.limit = limit;
	}

	/**
	 * A due delivery found no free slot.
	 * @param roomLeft whether it would have found one, and room for its message, but for
	 * its destination's limit
	 */
	synchronized void waiting(String destination, String deliveryId, long size, boolean roomLeft) {
		if (!roomLeft) {
			this.waitingForRoom = true;
		}
		if (this.remembered >= this.limit) {
			this.beyond.add(destination);
			return;
		}
		if (this.waiting.computeIfAbsent(destination, (key) -> new LinkedHashMap<>())
			.putIfAbsent(deliveryId, size) == null) {
			this.remembered++;
		}
	}

	/** A destination may have due deliveries beyond those found. */
	synchronized void moreBeyond(String destination) {
		this.beyond.add(destination);
	}

	/** A destination with deliveries waiting found every slot taken. */
	synchronized void roomWantedBy(String destination) {
		if (this.waiting.containsKey(destination) || this.beyond.contains(destination)) {
			this.waitingForRoom = true;
		}
	}

	/**
	 * The remembered deliveries waiting longest for this destination, at most
	 * {@code max}, each taken only if {@code reserve} accepts its size, now forgotten.
	 * The first one refused stays, with those after it, waiting for room.
	 */
	synchronized List<DeliveryStore.Due> next(String destination, int max, LongPredicate reserve) {
		Map<String, Long> ids = this.waiting.get(destination);
		List<DeliveryStore.Due> next = new ArrayList<>();
		if (ids == null) {
			return next;
		}
		Iterator<Map.Entry<String, Long>> first = ids.entrySet().iterator();
		while (first.hasNext() && next.size() < max) {
			Map.Entry<String, Long> entry = first.next();
			if (!reserve.test(entry.getValue())) {
				this.waitingForRoom = true;
				break;
			}
			next.add(new DeliveryStore.Due(entry.getKey(), destination, null, entry.getValue()));
			first.remove();
		}
		this.remembered -= next.size();
		if (ids.isEmpty()) {
			this.waiting.remove(destination);
		}
		return next;
	}

	/** A claiming round stopped for lack of room. */
	synchronized void roundFilledEverySlot() {
		this.waitingForRoom = true;
	}

	/**
	 * A claiming round saw every due delivery except those of the busy destinations; what
	 * it could not start it reports as waiting again.
	 */
	synchronized void roundSawAllBut(Set<String> busy) {
		this.waitingForRoom = false;
		this.beyond.retainAll(busy);
		this.waiting.keySet().retainAll(busy);
		this.remembered = this.waiting.values().stream().mapToInt(Map::size).sum();
	}

	/** Whether a freed slot, at any destination, may have a delivery waiting for it. */
	synchronized boolean waitingForRoom() {
		return this.waitingForRoom;
	}

	/**
	 * Whether this destination may have due deliveries waiting that only a claiming round
	 * can find.
	 */
	synchronized boolean mayHaveMore(String destination) {
		return this.beyond.contains(destination);
	}

}
