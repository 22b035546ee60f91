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

	private final Map<Target, Counted> counts = new ConcurrentHashMap<>();

	private final Clock clock;

	// Written by drain alone; a count made as it changes takes either value.
	private volatile Instant since;

	public RejectionTally(Clock clock) {
		this.clock = clock;
		this.since = clock.instant();
	}

	public void count(String ownerId, String deploymentId, String reason) {
		this.counts.merge(new Target(ownerId, deploymentId), new Counted(this.since, Map.of(reason, 1L)),
				Counted::plus);
	}

	/**
	 * Everything counted since the last drain; a count made meanwhile goes to the next.
	 */
	public synchronized List<Summary> drain() {
		Instant to = this.clock.instant();
		List<Summary> summaries = new ArrayList<>();
		for (Target target : List.copyOf(this.counts.keySet())) {
			Counted counted = this.counts.remove(target);
			if (counted != null) {
				summaries
					.add(new Summary(target.ownerId(), target.deploymentId(), counted.from(), to, counted.counts()));
			}
		}
		this.since = to;
		return summaries;
	}

	/**
	 * Counts drained but not sent (Kafka did not take them), to go with the next drain,
	 * from the time they were counted from.
	 */
	public void restore(Summary summary) {
		this.counts.merge(new Target(summary.ownerId(), summary.deploymentId()),
				new Counted(summary.from(), summary.counts()), Counted::plus);
	}

	private record Target(String ownerId, String deploymentId) {
	}

	private record Counted(Instant from, Map<String, Long> counts) {

		Counted plus(Counted more) {
			Map<String, Long> sum = new HashMap<>(this.counts);
			more.counts.forEach((reason, count) -> sum.merge(reason, count, Long::sum));
			return new Counted(this.from.isBefore(more.from) ? this.from : more.from, sum);
		}

	}

	/** A deployment's refused calls between {@code from} and {@code to}, by reason. */
	public record Summary(String ownerId, String deploymentId, Instant from, Instant to, Map<String, Long> counts) {

		public Summary {
			counts = Map.copyOf(counts);
		}

	}

}
