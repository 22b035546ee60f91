package dev.flowgate.gateway.domain.limit;

import java.time.Duration;

/**
 * What is left of one per-minute limit, as a caller may see it in the answer's rate limit
 * headers.
 *
 * @param perMinute the limit
 * @param remaining the requests allowed now, without waiting
 * @param untilFull how long until all {@code perMinute} are allowed again
 */
public record Quota(int perMinute, int remaining, Duration untilFull) {

	/** The one of two closer to running out: fewer remaining, then the longer refill. */
	public static Quota tighter(Quota one, Quota other) {
		if (one.remaining != other.remaining) {
			return (one.remaining < other.remaining) ? one : other;
		}
		return (one.untilFull.compareTo(other.untilFull) >= 0) ? one : other;
	}

}
