package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.Map;

import dev.flowgate.contracts.TriggersRejected;

/** The gateway's counts of refused trigger calls, kept for usage reports. */
public interface RejectedCallCounts {

	/** Keeps a summary once: a redelivered one changes nothing. */
	void add(TriggersRejected summary);

	/**
	 * The deployment's refused calls by reason, over summaries ending at or after
	 * {@code from}.
	 */
	Map<String, Long> since(String ownerId, String deploymentId, Instant from);

	/** Removes summaries that ended before {@code instant}; returns how many. */
	long deleteBefore(Instant instant);

}
