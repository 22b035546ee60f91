package dev.flowgate.gateway.domain.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import dev.flowgate.contracts.RateLimitRequestsCounted.Counted;
import dev.flowgate.contracts.RateLimitRequestsCounted.Limit;
import dev.flowgate.gateway.domain.Rejection;

/**
 * Requests-per-minute limits of keys and deployments, one token bucket each. Each replica
 * counts the requests it allows and, shared through {@link #drainCounted()} and
 * {@link #countedElsewhere(List, Instant)}, those the other replicas allowed: a limit
 * holds for all replicas together, give or take what they allow before the counts arrive.
 */
public final class RateLimits {

	/** How far back requests count: the limits are per minute. */
	public static final Duration WINDOW = Duration.ofMinutes(1);

	private final TokenBuckets<Bucket> buckets;

	private final Clock clock;

	public RateLimits(Clock clock) {
		this.buckets = new TokenBuckets<>(clock, true);
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

	/**
	 * The requests allowed here since the last call, per limit, for the other replicas to
	 * count.
	 */
	public List<Counted> drainCounted() {
		List<Counted> counted = new ArrayList<>();
		this.buckets.forEach((bucket, tokens) -> {
			int requests = tokens.drainUnshared();
			if (requests > 0) {
				counted.add(new Counted(bucket.limit(), bucket.id(), tokens.perMinute(), requests));
			}
		});
		return counted;
	}

	/**
	 * Counts requests another replica allowed until {@code countedAt}. Counts against
	 * another limit than this replica knows (a limit changing as they were made) are left
	 * out. Counts read in the order they were made, up to a minute old, leave a bucket as
	 * if this replica had allowed the requests itself.
	 */
	public void countedElsewhere(List<Counted> counted, Instant countedAt) {
		// A sender's clock ahead of this one's must not refill buckets early.
		Instant at = Collections.min(List.of(countedAt, this.clock.instant()));
		for (Counted requests : counted) {
			this.buckets.compute(new Bucket(requests.limit(), requests.id()), (id, existing) -> {
				TokenBucket current = (existing != null) ? existing : new TokenBucket(requests.perMinute(), at);
				if (current.perMinute() == requests.perMinute()) {
					current.takeElsewhere(requests.requests(), at);
				}
				return current;
			});
		}
	}

	private static Bucket keyBucket(String keyId) {
		return new Bucket(Limit.KEY, keyId);
	}

	private static Bucket deploymentBucket(String deploymentId) {
		return new Bucket(Limit.DEPLOYMENT, deploymentId);
	}

	private Optional<Quota> quota(Bucket bucketId, Integer perMinute) {
		if (perMinute == null || perMinute <= 0) {
			return Optional.empty();
		}
		return Optional.of(this.buckets.quota(bucketId, perMinute));
	}

	private void acquire(Bucket bucketId, Integer perMinute, String limitDescription) {
		if (perMinute == null || perMinute <= 0) {
			return;
		}
		this.buckets.acquire(bucketId, perMinute, limitDescription);
	}

	/**
	 * Forgets the buckets that have refilled and have nothing left to share: such a
	 * bucket is what a new one would be, so only memory changes (keys and deployments
	 * deleted long ago are not kept).
	 * @return how many were forgotten
	 */
	public int forgetIdle() {
		return this.buckets.forgetIdle();
	}

	private record Bucket(Limit limit, String id) {
	}

}
