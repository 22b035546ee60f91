package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deliveries leased together ahead of time, each waiting here for a slot at its
 * destination. One is handed out only while its lease is fresh: leased less than
 * {@code freshFor} ago, so its attempt ends well within the lease.
 */
final class ReadyClaims {

	private final Map<String, Deque<Ready>> byDestination = new HashMap<>();

	private final Duration freshFor;

	ReadyClaims(Duration freshFor) {
		this.freshFor = freshFor;
	}

	synchronized void add(ReservedClaim claim, Instant leasedAt) {
		this.byDestination.computeIfAbsent(claim.destination(), (key) -> new ArrayDeque<>())
			.add(new Ready(claim, leasedAt));
	}

	/**
	 * The next fresh claim for the destination, or {@code null}; stale ones are moved to
	 * {@code stale}, for the caller to give back.
	 */
	synchronized ReservedClaim next(String destination, Instant now, List<ReservedClaim> stale) {
		Deque<Ready> ready = this.byDestination.get(destination);
		ReservedClaim next = null;
		while (next == null && ready != null && !ready.isEmpty()) {
			Ready first = ready.poll();
			if (now.isBefore(first.leasedAt().plus(this.freshFor))) {
				next = first.claim();
			}
			else {
				stale.add(first.claim());
			}
		}
		if (ready != null && ready.isEmpty()) {
			this.byDestination.remove(destination);
		}
		return next;
	}

	/** Everything still waiting for this destination, now forgotten. */
	synchronized List<ReservedClaim> drain(String destination) {
		Deque<Ready> ready = this.byDestination.remove(destination);
		return (ready != null) ? ready.stream().map(Ready::claim).toList() : List.of();
	}

	/** Everything still waiting, now forgotten. */
	synchronized List<ReservedClaim> drain() {
		List<ReservedClaim> all = new ArrayList<>();
		this.byDestination.values().forEach((ready) -> ready.forEach((entry) -> all.add(entry.claim())));
		this.byDestination.clear();
		return all;
	}

	private record Ready(ReservedClaim claim, Instant leasedAt) {
	}

}
