package dev.flowgate.gateway.domain.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import dev.flowgate.gateway.domain.Rejection;

/**
 * Token buckets by id: one made on first use (a new one when the limit changes) and
 * forgotten once idle, so that memory follows the ids in use, not every id ever seen.
 *
 * @param <K> what a bucket is kept for
 */
final class TokenBuckets<K> {

	private final Map<K, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final Clock clock;

	private final boolean shared;

	/**
	 * @param shared whether the requests allowed are told to other replicas (drained
	 * through {@link #forEach}); when not, their count is dropped as idle buckets are
	 * looked for, so that nothing holds a bucket back
	 */
	TokenBuckets(Clock clock, boolean shared) {
		this.clock = clock;
		this.shared = shared;
	}

	/**
	 * Takes one token from {@code id}'s bucket.
	 * @param limitDescription names the limit in the refusal
	 * @throws Rejection (429) with the time until the next request is allowed
	 */
	void acquire(K id, int perMinute, String limitDescription) {
		Instant now = this.clock.instant();
		Duration[] wait = new Duration[1];
		// Taken inside compute, so forgetIdle cannot drop the bucket in between.
		// A changed limit starts a fresh bucket: rare, and errs on the caller's side.
		TokenBucket bucket = this.buckets.compute(id, (key, existing) -> {
			TokenBucket current = (existing != null && existing.perMinute() == perMinute) ? existing
					: new TokenBucket(perMinute, now);
			wait[0] = current.tryTake(now);
			return current;
		});
		if (!wait[0].isZero()) {
			throw Rejection.rateLimited(limitDescription + " is used up", wait[0], bucket.quota(now));
		}
	}

	/** What is left, taking nothing: all of it without a bucket for this limit yet. */
	Quota quota(K id, int perMinute) {
		TokenBucket bucket = this.buckets.get(id);
		if (bucket == null || bucket.perMinute() != perMinute) {
			return new Quota(perMinute, perMinute, Duration.ZERO);
		}
		return bucket.quota(this.clock.instant());
	}

	void forEach(BiConsumer<K, TokenBucket> action) {
		this.buckets.forEach(action);
	}

	/** Changes {@code id}'s bucket atomically, as {@link Map#compute} does. */
	void compute(K id, BiFunction<K, TokenBucket, TokenBucket> change) {
		this.buckets.compute(id, change);
	}

	/**
	 * Forgets the buckets that have refilled and have nothing left to share: such a
	 * bucket is what a new one would be, so only memory changes.
	 * @return how many were forgotten
	 */
	int forgetIdle() {
		Instant now = this.clock.instant();
		int forgotten = 0;
		for (K id : this.buckets.keySet()) {
			boolean[] idle = new boolean[1];
			this.buckets.computeIfPresent(id, (key, bucket) -> {
				if (!this.shared) {
					bucket.drainUnshared();
				}
				idle[0] = bucket.isIdle(now);
				return idle[0] ? null : bucket;
			});
			forgotten += idle[0] ? 1 : 0;
		}
		return forgotten;
	}

}
