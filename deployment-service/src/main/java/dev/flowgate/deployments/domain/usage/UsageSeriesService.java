package dev.flowgate.deployments.domain.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.deployment.DeploymentSummary;
import dev.flowgate.deployments.domain.deployment.DeploymentService;

/**
 * Usage over a window bucket by bucket, for a chart: of one deployment, or of all the
 * owner's current deployments together.
 */
public class UsageSeriesService {

	/** The most buckets a series may have (a week in 5-minute buckets would be 2,016). */
	static final int MAX_BUCKETS = 1000;

	private final UsageSummaries usage;

	private final RejectedCallCounts rejections;

	private final DeploymentService deployments;

	private final Clock clock;

	public UsageSeriesService(UsageSummaries usage, RejectedCallCounts rejections, DeploymentService deployments,
			Clock clock) {
		this.usage = usage;
		this.rejections = rejections;
		this.deployments = deployments;
		this.clock = clock;
	}

	/**
	 * The deployment's series in buckets of {@code bucketToken}, or the window's own when
	 * {@code null}; with {@code keyId}, of what it ran with that API key (without refused
	 * calls, which are counted per deployment).
	 */
	public UsageSeries of(String ownerId, String deploymentId, String windowToken, String bucketToken, String keyId) {
		this.deployments.get(ownerId, deploymentId);
		return series(ownerId, List.of(deploymentId), windowToken, bucketToken, keyId);
	}

	/**
	 * The sum of every current deployment's series (deleted ones are not counted); with
	 * {@code keyId}, of what they ran with that API key.
	 */
	public UsageSeries ofOwner(String ownerId, String windowToken, String bucketToken, String keyId) {
		return series(ownerId, this.deployments.list(ownerId).stream().map(DeploymentSummary::id).toList(), windowToken,
				bucketToken, keyId);
	}

	private UsageSeries series(String ownerId, Collection<String> deploymentIds, String windowToken, String bucketToken,
			String keyId) {
		if (keyId != null) {
			return series(windowToken, bucketToken, (buckets) -> this.usage.collectOfKey(ownerId, deploymentIds, keyId,
					buckets.from(), buckets.to(), buckets));
		}
		return series(windowToken, bucketToken, (buckets) -> {
			this.usage.collectEach(ownerId, deploymentIds, buckets.from(), buckets.to(), buckets);
			this.rejections.forEachSince(ownerId, deploymentIds, buckets.from(),
					(refused) -> buckets.addRejected(refused.endedAt(), refused.byReason()));
		});
	}

	private UsageSeries series(String windowToken, String bucketToken, Consumer<UsageBuckets> fill) {
		UsageWindow window = UsageService.window(windowToken);
		UsageBucket bucket = (bucketToken != null) ? UsageService.bucket(bucketToken) : window.bucket();
		if (bucket.length().compareTo(window.length()) > 0) {
			// One bucket would count calls from before the window.
			throw new InvalidRequestException("bucket",
					"%s is longer than the window, %s: choose a shorter one".formatted(bucket.token(), window.token()));
		}
		// Milliseconds, as every other time the API gives.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant from = now.minus(window.length());
		long count = UsageBuckets.count(bucket, from, now);
		if (count > MAX_BUCKETS) {
			throw new InvalidRequestException("bucket", "%s over %s gives %d buckets, more than %d: choose a longer one"
				.formatted(bucket.token(), window.token(), count, MAX_BUCKETS));
		}
		UsageBuckets buckets = UsageBuckets.covering(bucket, from, now);
		fill.accept(buckets);
		return buckets.series(window);
	}

}
