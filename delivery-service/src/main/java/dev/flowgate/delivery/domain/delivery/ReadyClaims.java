package dev.flowgate.delivery.domain.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deliveries leased together ahead of time, each waiting here for a slot at its
 * destination. One is handed out only while its lease is fresh: while an attempt on its
 * channel started now would end within the lease.
 */
final class ReadyClaims {

	private final Map<String, Deque<ReservedClaim>> byDestination = new HashMap<>();

	private final AttemptTimeouts attemptTimeouts;

	ReadyClaims(AttemptTimeouts attemptTimeouts) {
		this.attemptTimeouts = attemptTimeouts;
	}

	synchronized void add(ReservedClaim claim) {
		this.byDestination.computeIfAbsent(claim.destination(), (key) -> new ArrayDeque<>()).add(claim);
	}

	/**
	 * The next fresh claim for the destination, or {@code null}; stale ones are moved to
	 * {@code stale}, for the caller to give back.
	 */
	synchronized ReservedClaim next(String destination, Instant now, List<ReservedClaim> stale) {
		Deque<ReservedClaim> ready = this.byDestination.get(destination);
		ReservedClaim next = null;
		while (next == null && ready != null && !ready.isEmpty()) {
			ReservedClaim first = ready.poll();
			if (this.attemptTimeouts.endsWithinLease(first.claim(), now)) {
				next = first;
			}
			else {
				stale.add(first);
			}
		}
		if (ready != null && ready.isEmpty()) {
			this.byDestination.remove(destination);
		}
		return next;
	}

	/** Everything still waiting for this destination, now forgotten. */
	synchronized List<ReservedClaim> drain(String destination) {
		Deque<ReservedClaim> ready = this.byDestination.remove(destination);
		return (ready != null) ? List.copyOf(ready) : List.of();
	}

	/** Everything still waiting, now forgotten. */
	synchronized List<ReservedClaim> drain() {
		List<ReservedClaim> all = new ArrayList<>();
		this.byDestination.values().forEach(all::addAll);
		this.byDestination.clear();
		return all;
	}

}
