package dev.flowgate.gateway.domain.usage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refused trigger calls counted per deployment and reason until drained, so a flood of
 * bad calls becomes one summary per deployment and interval for the owner's usage.
 */
public final class RejectionTally {

	private final Map<Target, Map<String, Long>> counts = new ConcurrentHashMap<>();

	private final Clock clock;

	private Instant since;

	public RejectionTally(Clock clock) {
		this.clock = clock;
		this.since = clock.instant();
	}

	public void count(String ownerId, String deploymentId, String reason) {
		this.counts.merge(new Target(ownerId, deploymentId), Map.of(reason, 1L), RejectionTally::plus);
	}

	/**
	 * Everything counted since the last drain; a count made meanwhile goes to the next.
	 */
	public synchronized List<Summary> drain() {
		Instant to = this.clock.instant();
		List<Summary> summaries = new ArrayList<>();
		for (Target target : List.copyOf(this.counts.keySet())) {
			Map<String, Long> counted = this.counts.remove(target);
			if (counted != null) {
				summaries.add(new Summary(target.ownerId(), target.deploymentId(), this.since, to, counted));
			}
		}
		this.since = to;
		return summaries;
	}

	private static Map<String, Long> plus(Map<String, Long> counted, Map<String, Long> more) {
		Map<String, Long> sum = new HashMap<>(counted);
		more.forEach((reason, count) -> sum.merge(reason, count, Long::sum));
		return sum;
	}

	private record Target(String ownerId, String deploymentId) {
	}

	/** A deployment's refused calls between {@code from} and {@code to}, by reason. */
	public record Summary(String ownerId, String deploymentId, Instant from, Instant to, Map<String, Long> counts) {

		public Summary {
			counts = Map.copyOf(counts);
		}

	}

}
