package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets past deliveries, with their attempts, once they finished longer ago than the
 * retention period, as deployment-service forgets executions. A pending delivery stays
 * whatever its age (its attempt log is bounded per delivery), and so does a failed one
 * whose {@code DeliveryFailed} event is not out yet.
 */
public final class DeliveryRetention {

	private final Records records;

	private final Clock clock;

	private final Duration keep;

	public DeliveryRetention(Records records, Clock clock, Duration keep) {
		this.records = records;
		this.clock = clock;
		this.keep = keep;
	}

	public Swept sweep() {
		Instant cutoff = this.clock.instant().minus(this.keep);
		return new Swept(this.records.deleteFinishedBefore(cutoff));
	}

	/** Where deliveries are kept, each with its attempts. */
	public interface Records {

		/**
		 * Deletes the deliveries that finished before the cutoff (a failed one only once
		 * its failure is published).
		 * @return how many
		 */
		long deleteFinishedBefore(Instant cutoff);

	}

	/** What one sweep removed. */
	public record Swept(long deliveries) {

		public boolean isEmpty() {
			return this.deliveries == 0;
		}

	}

}
