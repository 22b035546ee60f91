package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * What a channel made of one try.
 *
 * @param statusCode the HTTP status, or {@code null}
 * @param retryAfter for {@code DEFERRED} and {@code HELD_BACK}, when to come back;
 * otherwise the receiver's {@code Retry-After}, or {@code null}
 */
public record AttemptOutcome(Verdict verdict, Instant startedAt, Duration latency, Integer statusCode, String error,
		String responseSnippet, Duration retryAfter) {

	public static AttemptOutcome deferred(Duration wait, String reason) {
		return new AttemptOutcome(Verdict.DEFERRED, null, Duration.ZERO, null, reason, null, wait);
	}

	/** Not tried as the destination's circuit breaker is open. */
	public static AttemptOutcome heldBack(Duration wait, String reason) {
		return new AttemptOutcome(Verdict.HELD_BACK, null, Duration.ZERO, null, reason, null, wait);
	}

	public static AttemptOutcome skipped(String reason) {
		return new AttemptOutcome(Verdict.SKIPPED, null, Duration.ZERO, null, reason, null, null);
	}

	/** Whether something was actually sent (or tried), so it is logged and counted. */
	public boolean attempted() {
		return this.verdict != Verdict.DEFERRED && this.verdict != Verdict.HELD_BACK && this.verdict != Verdict.SKIPPED;
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

		/** Not tried (not the destination's doing); not counted as an attempt. */
		DEFERRED,

		/**
		 * Not tried as the destination's circuit is open; not counted as an attempt, but
		 * the round's time runs on: held back past its schedule, the delivery fails.
		 */
		HELD_BACK,

		/** Not tried and never will be in this round. */
		SKIPPED

	}

}
