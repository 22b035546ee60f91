package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import dev.flowgate.delivery.domain.delivery.AttemptOutcome.Verdict;

/**
 * When to try again: the Standard Webhooks schedule (one delay before each attempt, the
 * first normally zero) with random jitter, never sooner than the receiver's
 * {@code Retry-After}, and not too soon after a timeout or a 429. A round lasts at most
 * the schedule's span at the most jitter, however often an open circuit breaker put it
 * off.
 */
public final class RetryPolicy {

	private final List<Duration> schedule;

	private final double jitter;

	private final Duration afterThrottling;

	private final Duration maxRetryAfter;

	private final RandomGenerator random;

	private final Duration longestRound;

	/**
	 * @param schedule the delay before each attempt; its size is the number of attempts
	 * @param jitter the fraction each delay may randomly move either way, e.g. 0.2
	 * @param afterThrottling the least wait after a timeout or a 429
	 * @param maxRetryAfter the most a receiver's {@code Retry-After} can make us wait
	 */
	public RetryPolicy(List<Duration> schedule, double jitter, Duration afterThrottling, Duration maxRetryAfter,
			RandomGenerator random) {
		if (schedule.isEmpty()) {
			throw new IllegalArgumentException("The retry schedule needs at least one attempt");
		}
		if (jitter < 0 || jitter >= 1) {
			throw new IllegalArgumentException("Jitter must be at least 0 and below 1");
		}
		this.schedule = List.copyOf(schedule);
		this.jitter = jitter;
		this.afterThrottling = afterThrottling;
		this.maxRetryAfter = maxRetryAfter;
		this.random = random;
		Duration span = this.schedule.stream().reduce(Duration.ZERO, Duration::plus);
		this.longestRound = Duration.ofMillis(Math.round(span.toMillis() * (1 + jitter)));
	}

	/** The wait before a new delivery's first attempt. */
	public Duration firstDelay() {
		return jittered(this.schedule.get(0));
	}

	/**
	 * The wait before the next attempt of this round.
	 * @param attemptsMade attempts made in this round, the failed one included
	 * @return empty when the round is out of attempts
	 */
	public Optional<Duration> delayAfter(int attemptsMade, AttemptOutcome failed) {
		if (attemptsMade >= this.schedule.size()) {
			return Optional.empty();
		}
		Duration delay = jittered(this.schedule.get(attemptsMade));
		if (failed.verdict() == Verdict.THROTTLED) {
			delay = max(delay, this.afterThrottling);
		}
		if (failed.retryAfter() != null) {
			delay = max(delay, min(failed.retryAfter(), this.maxRetryAfter));
		}
		return Optional.of(delay);
	}

	/**
	 * Whether a round begun then is over by age: its schedule's delays, each at the most
	 * jitter, have all passed. A delivery held back then fails as if out of attempts.
	 */
	public boolean roundOver(Instant roundStartedAt, Instant now) {
		return now.isAfter(roundStartedAt.plus(this.longestRound));
	}

	/**
	 * A hold-back's wait (an open circuit breaker's), lengthened by up to the jitter: the
	 * deliveries it holds do not all come back at the same moment, nor before it ends.
	 */
	public Duration heldBackFor(Duration wait) {
		if (this.jitter == 0) {
			return wait;
		}
		return Duration.ofMillis(Math.round(wait.toMillis() * (1 + this.random.nextDouble(this.jitter))));
	}

	private Duration jittered(Duration delay) {
		if (delay.isZero() || this.jitter == 0) {
			return delay;
		}
		double factor = 1 + this.random.nextDouble(-this.jitter, this.jitter);
		return Duration.ofMillis(Math.round(delay.toMillis() * factor));
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
