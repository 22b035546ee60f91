package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.flowgate.contracts.TriggersRejected;

/** The gateway's counts of refused trigger calls, kept for usage reports. */
public interface RejectedCallCounts {

	/** Keeps a summary once: a redelivered one changes nothing. */
	void add(TriggersRejected summary);

	/**
	 * Each of the deployment's summaries ending at or after {@code from}: when it ended,
	 * and its refused calls by reason.
	 */
	void forEachSince(String ownerId, String deploymentId, Instant from, BiConsumer<Instant, Map<String, Long>> each);

	/**
	 * The deployment's refused calls by reason, over summaries ending at or after
	 * {@code from}.
	 */
	default Map<String, Long> since(String ownerId, String deploymentId, Instant from) {
		Map<String, Long> byReason = new HashMap<>();
		forEachSince(ownerId, deploymentId, from,
				(endedAt, counts) -> counts.forEach((reason, count) -> byReason.merge(reason, count, Long::sum)));
		return byReason;
	}

	/** Removes summaries that ended before {@code instant}; returns how many. */
	long deleteBefore(Instant instant);

}
