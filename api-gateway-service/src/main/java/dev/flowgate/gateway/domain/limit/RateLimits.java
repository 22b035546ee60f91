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
		// A changed limit starts a fresh bucket; that is rare and errs on the caller's
		// side.
		TokenBucket bucket = this.buckets.compute(bucketId,
				(id, existing) -> (existing != null && existing.perMinute() == perMinute) ? existing
						: new TokenBucket(perMinute, this.clock.instant()));
		Instant now = this.clock.instant();
		Duration wait = bucket.tryTake(now);
		if (!wait.isZero()) {
			throw Rejection.rateLimited(limitDescription + " is used up", wait, bucket.quota(now));
		}
	}

}
