package dev.flowgate.gateway.domain.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executions the other gateway replicas have in flight, per deployment with a
 * concurrency limit, as each last counted them. A replica whose counts stop arriving (it
 * stopped, or Kafka does not bring them) counts for nothing once its last count is older
 * than {@code staleAfter}: stale counts would refuse calls for good.
 */
public final class InFlightElsewhere {

	/** Timed by this replica's clock on arrival: replicas' clocks may differ. */
	private record Counts(Map<String, Integer> deployments, Instant arrived) {
	}

	private final Map<String, Counts> byReplica = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration staleAfter;

	public InFlightElsewhere(Clock clock, Duration staleAfter) {
		this.clock = clock;
		this.staleAfter = staleAfter;
	}

	/**
	 * A replica's latest counts, replacing its earlier ones; none: nothing in flight.
	 * Counts already stale when read (read again after a restart) are left out.
	 */
	public void counted(String gatewayId, Map<String, Integer> deployments, Instant countedAt) {
		Instant now = this.clock.instant();
		if (deployments.isEmpty() || countedAt.isBefore(now.minus(this.staleAfter))) {
			this.byReplica.remove(gatewayId);
		}
		else {
			this.byReplica.put(gatewayId, new Counts(Map.copyOf(deployments), now));
		}
	}

	/** A deployment's executions in flight at the other replicas. */
	public int running(String deploymentId) {
		Instant freshAfter = this.clock.instant().minus(this.staleAfter);
		return this.byReplica.values()
			.stream()
			.filter((counts) -> counts.arrived().isAfter(freshAfter))
			.mapToInt((counts) -> counts.deployments().getOrDefault(deploymentId, 0))
			.sum();
	}

	/** Forgets the counts of replicas that stopped sending them. */
	public void forgetStale() {
		Instant freshAfter = this.clock.instant().minus(this.staleAfter);
		this.byReplica.values().removeIf((counts) -> !counts.arrived().isAfter(freshAfter));
	}

}
