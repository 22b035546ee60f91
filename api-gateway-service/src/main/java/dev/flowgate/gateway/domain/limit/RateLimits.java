package dev.flowgate.gateway.domain.limit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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
		acquire("key:" + keyId, perMinute, "The API key's rate limit of " + perMinute + " requests per minute");
	}

	/**
	 * Counts one trigger of a deployment.
	 * @throws Rejection (429) with the time until the next trigger is allowed
	 */
	public void acquireForDeployment(String deploymentId, Integer perMinute) {
		acquire("deployment:" + deploymentId, perMinute,
				"The deployment's rate limit of " + perMinute + " requests per minute");
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
		Duration wait = bucket.tryTake(this.clock.instant());
		if (!wait.isZero()) {
			throw Rejection.rateLimited(limitDescription + " is used up", wait);
		}
	}

}
