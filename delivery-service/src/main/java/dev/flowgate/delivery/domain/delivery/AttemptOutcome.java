package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * What a channel made of one try.
 *
 * @param statusCode the HTTP status, or {@code null}
 * @param retryAfter for {@code DEFERRED}, when to come back; otherwise the receiver's
 * {@code Retry-After}, or {@code null}
 */
public record AttemptOutcome(Verdict verdict, Instant startedAt, Duration latency, Integer statusCode, String error,
		String responseSnippet, Duration retryAfter) {

	public static AttemptOutcome deferred(Duration wait, String reason) {
		return new AttemptOutcome(Verdict.DEFERRED, null, Duration.ZERO, null, reason, null, wait);
	}

	public static AttemptOutcome skipped(String reason) {
		return new AttemptOutcome(Verdict.SKIPPED, null, Duration.ZERO, null, reason, null, null);
	}

	/** Whether something was actually sent (or tried), so it is logged and counted. */
	public boolean attempted() {
		return this.verdict != Verdict.DEFERRED && this.verdict != Verdict.SKIPPED;
	}

	Attempt toAttempt(String deliveryId, int number) {
		return new Attempt(deliveryId, number, this.startedAt, this.statusCode, this.latency, this.error,
				this.responseSnippet);
	}

	/** How a try ended. */
	public enum Verdict {

		DELIVERED,

		/** Failed; try again on the schedule. */
		RETRYABLE,

		/** Timed out or rate limited; try again, but not too soon. */
		THROTTLED,

		/** Failed in a way retrying cannot fix. */
		PERMANENT,

		/** Not tried (destination's circuit open); not counted as an attempt. */
		DEFERRED,

		/** Not tried and never will be in this round. */
		SKIPPED

	}

}
