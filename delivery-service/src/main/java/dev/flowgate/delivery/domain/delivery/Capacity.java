package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bounds attempts in flight, in all and per destination, so one slow destination cannot
 * take every slot, and the bytes of the messages held for them, so a backlog of large
 * callbacks cannot fill the heap. An attempt holds its destination's share while its
 * exchange lasts, and its slot and bytes until its outcome is stored. Bytes are also held
 * by messages leased ahead of their slot. A large message refused for want of bytes is
 * waited for: smaller ones are let in only beside the room it needs, and one larger than
 * all the bytes goes once nothing else is held.
 */
final class Capacity {

	private final int maxInFlight;

	private final int maxPerDestination;

	private final long maxBytes;

	private final Map<String, Integer> perDestination = new HashMap<>();

	private int inFlight;

	private long bytes;

	/** The size of the message waited for, or 0. */
	private long wanted;

	Capacity(int maxInFlight, int maxPerDestination, long maxBytes) {
		if (maxInFlight < 1 || maxPerDestination < 1 || maxBytes < 1) {
			throw new IllegalArgumentException("Concurrency limits must be positive");
		}
		this.maxInFlight = maxInFlight;
		this.maxPerDestination = maxPerDestination;
		this.maxBytes = maxBytes;
	}

	/**
	 * A slot at the destination and room for a message of {@code size} bytes (none for a
	 * message whose bytes are held already).
	 */
	synchronized boolean tryReserve(String destination, long size) {
		int current = this.perDestination.getOrDefault(destination, 0);
		if (this.inFlight >= this.maxInFlight || current >= this.maxPerDestination || !fits(size)) {
			return false;
		}
		this.inFlight++;
		this.perDestination.put(destination, current + 1);
		take(size);
		return true;
	}

	/** Room for a message leased ahead of its slot. */
	synchronized boolean tryReserveBytes(long size) {
		if (!fits(size)) {
			return false;
		}
		take(size);
		return true;
	}

	/**
	 * The oldest due message a claiming round found no room for: from now on room is kept
	 * for it (in place of any kept before), until it is let in or a later round finds
	 * another or none. Kept only when its bytes, not the slots, were short.
	 */
	synchronized void waitFor(long size) {
		this.wanted = (this.inFlight < this.maxInFlight) ? size : 0;
	}

	/** A claiming round found room for every due message it saw. */
	synchronized void waitForNone() {
		this.wanted = 0;
	}

	synchronized void releaseBytes(long size) {
		this.bytes -= size;
	}

	/** Gives back a whole reservation. */
	synchronized void release(String destination, long size) {
		releaseDestination(destination);
		releaseSlot(size);
	}

	/**
	 * Gives back the destination's share of a reservation: its exchange ended, though its
	 * outcome may still be being stored.
	 */
	synchronized void releaseDestination(String destination) {
		this.perDestination.computeIfPresent(destination, (key, count) -> (count > 1) ? count - 1 : null);
	}

	/** Gives back the rest of a reservation whose destination share was given back. */
	synchronized void releaseSlot(long size) {
		this.bytes -= size;
		this.inFlight--;
		if (this.inFlight == 0) {
			notifyAll();
		}
	}

	synchronized boolean hasRoom() {
		return this.inFlight < this.maxInFlight && this.bytes < this.maxBytes;
	}

	/**
	 * Whether a message of this size would find a slot and room, at a destination below
	 * its limit.
	 */
	synchronized boolean hasRoomFor(long size) {
		return this.inFlight < this.maxInFlight && fits(size);
	}

	/** Destinations at their limit: not worth claiming for now. */
	synchronized Set<String> busyDestinations() {
		return this.perDestination.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() >= this.maxPerDestination)
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Whether this destination has all the attempts in flight it may have. */
	synchronized boolean isBusy(String destination) {
		return this.perDestination.getOrDefault(destination, 0) >= this.maxPerDestination;
	}

	private boolean fits(long size) {
		if (size == 0) {
			return true;
		}
		long kept = (size < this.wanted) ? this.wanted : 0;
		return (this.bytes == 0 && kept == 0) || this.bytes + size + kept <= this.maxBytes;
	}

	private void take(long size) {
		this.bytes += size;
		if (size >= this.wanted) {
			this.wanted = 0;
		}
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
