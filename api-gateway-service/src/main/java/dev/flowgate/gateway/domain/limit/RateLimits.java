package dev.flowgate.gateway.domain.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.flowgate.gateway.domain.Rejection;

/**
 * Requests-per-minute limits of keys and deployments, one token bucket each. They are
 * counted per gateway replica: with N replicas behind a balancer a caller gets up to N
 * times the limit.
 */
public final class RateLimits {

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final Clock clock;

	public RateLimits(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Counts one request of an API key.
	 * @throws Rejection (429) with the time until the next request is allowed
	 */
	public void acquireForKey(String keyId, Integer perMinute) {
		acquire(keyBucket(keyId), perMinute, "The API key's rate limit of " + perMinute + " requests per minute");
	}

	/**
	 * Counts one trigger of a deployment.
	 * @throws Rejection (429) with the time until the next trigger is allowed
	 */
	public void acquireForDeployment(String deploymentId, Integer perMinute) {
		acquire(deploymentBucket(deploymentId), perMinute,
				"The deployment's rate limit of " + perMinute + " requests per minute");
	}

	/** What is left of an API key's limit, or empty when it has none. */
	public Optional<Quota> keyQuota(String keyId, Integer perMinute) {
		return quota(keyBucket(keyId), perMinute);
	}

	/** What is left of a deployment's limit, or empty when it has none. */
	public Optional<Quota> deploymentQuota(String deploymentId, Integer perMinute) {
		return quota(deploymentBucket(deploymentId), perMinute);
	}

	private static String keyBucket(String keyId) {
		return "key:" + keyId;
	}

	private static String deploymentBucket(String deploymentId) {
		return "deployment:" + deploymentId;
	}

	private Optional<Quota> quota(String bucketId, Integer perMinute) {
		if (perMinute == null || perMinute <= 0) {
			return Optional.empty();
		}
		TokenBucket bucket = this.buckets.get(bucketId);
		if (bucket == null || bucket.perMinute() != perMinute) {
			return Optional.of(new Quota(perMinute, perMinute, Duration.ZERO));
		}
		return Optional.of(bucket.quota(this.clock.instant()));
	}

	private void acquire(String bucketId, Integer perMinute, String limitDescription) {
		if (perMinute == null || perMinute <= 0) {
			return;
		}
		Instant now = this.clock.instant();
		Duration[] wait = new Duration[1];
		// Taken inside compute, so forgetFull cannot drop the bucket in between.
		// A changed limit starts a fresh bucket: rare, and errs on the caller's side.
		TokenBucket bucket = this.buckets.compute(bucketId, (id, existing) -> {
			TokenBucket current = (existing != null && existing.perMinute() == perMinute) ? existing
					: new TokenBucket(perMinute, now);
			wait[0] = current.tryTake(now);
			return current;
		});
		if (!wait[0].isZero()) {
			throw Rejection.rateLimited(limitDescription + " is used up", wait[0], bucket.quota(now));
		}
	}

	/**
	 * Forgets the buckets that have refilled: a full bucket is what a new one would be,
	 * so only memory changes (keys and deployments deleted long ago are not kept).
	 * @return how many were forgotten
	 */
	public int forgetFull() {
		Instant now = this.clock.instant();
		int forgotten = 0;
		for (String bucketId : this.buckets.keySet()) {
			boolean[] full = new boolean[1];
			this.buckets.computeIfPresent(bucketId, (id, bucket) -> {
				full[0] = bucket.isFull(now);
				return full[0] ? null : bucket;
			});
			forgotten += full[0] ? 1 : 0;
		}
		return forgotten;
	}

}
