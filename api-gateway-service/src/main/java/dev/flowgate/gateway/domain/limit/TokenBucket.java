package dev.flowgate.gateway.domain.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket holding up to {@code perMinute} tokens, refilled evenly over a minute:
 * bursts up to the limit, then a steady rate. Tokens other replicas took can leave it in
 * debt (below zero, at most a minute's worth), paid back by the refill before it allows
 * more.
 */
final class TokenBucket {

	private static final long NANOS_PER_MINUTE = RateLimits.WINDOW.toNanos();

	private final int perMinute;

	private final long nanosPerToken;

	private double tokens;

	private Instant refilledAt;

	private int unshared;

	TokenBucket(int perMinute, Instant now) {
		this.perMinute = perMinute;
		this.nanosPerToken = NANOS_PER_MINUTE / perMinute;
		this.tokens = perMinute;
		this.refilledAt = now;
	}

	int perMinute() {
		return this.perMinute;
	}

	/** Takes a token, or answers how long until one is available. */
	synchronized Duration tryTake(Instant now) {
		refill(now);
		if (this.tokens >= 1) {
			this.tokens -= 1;
			this.unshared++;
			return Duration.ZERO;
		}
		return Duration.ofNanos((long) Math.ceil((1 - this.tokens) * this.nanosPerToken));
	}

	/**
	 * Takes what another replica took at {@code takenAt}: refilled up to then first,
	 * unless this bucket was already used later.
	 */
	synchronized void takeElsewhere(int taken, Instant takenAt) {
		refill(takenAt);
		this.tokens = Math.max(-this.perMinute, this.tokens - taken);
	}

	/** The tokens taken here since the last call, for the other replicas. */
	synchronized int drainUnshared() {
		int taken = this.unshared;
		this.unshared = 0;
		return taken;
	}

	/** Full and nothing left to share: the same as a new bucket. */
	synchronized boolean isIdle(Instant now) {
		refill(now);
		return this.tokens >= this.perMinute && this.unshared == 0;
	}

	/** What is left at {@code now}, taking nothing. */
	synchronized Quota quota(Instant now) {
		refill(now);
		long nanosUntilFull = (long) Math.ceil((this.perMinute - this.tokens) * this.nanosPerToken);
		return new Quota(this.perMinute, (int) Math.max(0, this.tokens), Duration.ofNanos(nanosUntilFull));
	}

	private void refill(Instant now) {
		long elapsed = Duration.between(this.refilledAt, now).toNanos();
		if (elapsed > 0) {
			this.tokens = Math.min(this.perMinute, this.tokens + (double) elapsed / this.nanosPerToken);
			this.refilledAt = now;
		}
	}

}
