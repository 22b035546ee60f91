package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets past deliveries once they are older than the retention period, as
 * deployment-service forgets executions: finished deliveries and every attempt started
 * before the cutoff. A pending delivery stays whatever its age, and so does a failed one
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
		return new Swept(this.records.deleteFinishedBefore(cutoff), this.records.deleteAttemptsBefore(cutoff));
	}

	/** Where deliveries and their attempts are kept. */
	public interface Records {

		/**
		 * Deletes the deliveries that finished before the cutoff (a failed one only once
		 * its failure is published).
		 * @return how many
		 */
		long deleteFinishedBefore(Instant cutoff);

		/**
		 * Deletes the attempts started before the cutoff.
		 * @return how many
		 */
		long deleteAttemptsBefore(Instant cutoff);

	}

	/** What one sweep removed. */
	public record Swept(long deliveries, long attempts) {

		public boolean isEmpty() {
			return this.deliveries == 0 && this.attempts == 0;
		}

	}

}
