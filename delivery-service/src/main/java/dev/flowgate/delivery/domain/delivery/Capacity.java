package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bounds attempts in flight, in all and per destination, so one slow destination cannot
 * take every slot. An attempt holds its destination's share while its exchange lasts, and
 * its slot until its outcome is stored.
 */
final class Capacity {

	private final int maxInFlight;

	private final int maxPerDestination;

	private final Map<String, Integer> perDestination = new HashMap<>();

	private int inFlight;

	Capacity(int maxInFlight, int maxPerDestination) {
		if (maxInFlight < 1 || maxPerDestination < 1) {
			throw new IllegalArgumentException("Concurrency limits must be positive");
		}
		this.maxInFlight = maxInFlight;
		this.maxPerDestination = maxPerDestination;
	}

	synchronized boolean tryReserve(String destination) {
		int current = this.perDestination.getOrDefault(destination, 0);
		if (this.inFlight >= this.maxInFlight || current >= this.maxPerDestination) {
			return false;
		}
		this.inFlight++;
		this.perDestination.put(destination, current + 1);
		return true;
	}

	/** Gives back a whole reservation. */
	synchronized void release(String destination) {
		releaseDestination(destination);
		releaseSlot();
	}

	/**
	 * Gives back the destination's share of a reservation: its exchange ended, though its
	 * outcome may still be being stored.
	 */
	synchronized void releaseDestination(String destination) {
		this.perDestination.computeIfPresent(destination, (key, count) -> (count > 1) ? count - 1 : null);
	}

	/** Gives back the rest of a reservation whose destination share was given back. */
	synchronized void releaseSlot() {
		this.inFlight--;
		if (this.inFlight == 0) {
			notifyAll();
		}
	}

	synchronized boolean hasRoom() {
		return this.inFlight < this.maxInFlight;
	}

	/** Destinations at their limit: not worth claiming for now. */
	synchronized Set<String> busyDestinations() {
		return this.perDestination.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() >= this.maxPerDestination)
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Waits until nothing is in flight; returns whether that happened in time. */
	synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.inFlight > 0) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return false;
			}
			Duration wait = Duration.ofNanos(remaining);
			wait(Math.max(1, wait.toMillis()));
		}
		return true;
	}

}
