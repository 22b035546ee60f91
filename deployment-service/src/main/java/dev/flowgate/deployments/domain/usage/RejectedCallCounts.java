package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.flowgate.contracts.TriggersRejected;

/** The gateway's counts of refused trigger calls, kept for usage reports. */
public interface RejectedCallCounts {

	/** Keeps a summary once: a redelivered one changes nothing. */
	void add(TriggersRejected summary);

	/** Each of the deployments' summaries ending at or after {@code from}. */
	void forEachSince(String ownerId, Collection<String> deploymentIds, Instant from, Consumer<Refused> each);

	/**
	 * The deployment's refused calls by reason, over summaries ending at or after
	 * {@code from}.
	 */
	default Map<String, Long> since(String ownerId, String deploymentId, Instant from) {
		return sinceEach(ownerId, List.of(deploymentId), from).getOrDefault(deploymentId, Map.of());
	}

	/** {@link #since} of each deployment that had refused calls, read at once. */
	default Map<String, Map<String, Long>> sinceEach(String ownerId, Collection<String> deploymentIds, Instant from) {
		Map<String, Map<String, Long>> byDeployment = new HashMap<>();
		forEachSince(ownerId, deploymentIds, from,
				(refused) -> refused.byReason()
					.forEach((reason, count) -> byDeployment
						.computeIfAbsent(refused.deploymentId(), (id) -> new HashMap<>())
						.merge(reason, count, Long::sum)));
		return byDeployment;
	}

	/** Removes summaries that ended before {@code instant}; returns how many. */
	long deleteBefore(Instant instant);

	/**
	 * Removes up to {@code limit} of the owner's summaries: the owner was deleted.
	 * @return how many it found, 0 once none is left
	 */
	int deleteOwned(String ownerId, int limit);

	/**
	 * One gateway summary: the deployment, when it ended, its refused calls by reason.
	 */
	record Refused(String deploymentId, Instant endedAt, Map<String, Long> byReason) {
	}

}
