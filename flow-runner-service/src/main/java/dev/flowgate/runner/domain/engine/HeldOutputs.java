package dev.flowgate.runner.domain.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The node outputs every run on this runner holds, shared among owners: each run keeps
 * its outputs until it ends, so a limit per run alone lets enough concurrent runs of one
 * owner fill the heap. Past the runner's total, or one owner's share of it, a node's
 * output is refused (its run fails) rather than held.
 */
final class HeldOutputs {

	private final long total;

	private final long perOwner;

	private final Map<String, Long> byOwner = new HashMap<>();

	private long held;

	HeldOutputs(long total, long perOwner) {
		this.total = total;
		this.perOwner = perOwner;
	}

	/** Holds the bytes for the owner, unless that would pass the total or its share. */
	synchronized boolean take(String ownerId, long bytes) {
		long owners = this.byOwner.getOrDefault(ownerId, 0L);
		if (this.held + bytes > this.total || owners + bytes > this.perOwner) {
			return false;
		}
		this.held += bytes;
		this.byOwner.put(ownerId, owners + bytes);
		return true;
	}

	synchronized void release(String ownerId, long bytes) {
		if (bytes == 0) {
			return;
		}
		this.held -= bytes;
		this.byOwner.computeIfPresent(ownerId, (owner, owners) -> (owners > bytes) ? owners - bytes : null);
	}

	synchronized long held() {
		return this.held;
	}

}
