package dev.flowgate.deployments.domain.usage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.flowgate.contracts.TriggersRejected;
import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.deployment.DeploymentService;
import dev.flowgate.deployments.domain.usage.UsageOverview.DeploymentUsage;

/**
 * Reports a deployment's calls, outcomes, latency, tokens and refused calls over a
 * window, or all of an owner's deployments' at once.
 */
public class UsageService {

	private final UsageSummaries usage;

	private final RejectedCallCounts rejections;

	private final DeploymentService deployments;

	private final Clock clock;

	public UsageService(UsageSummaries usage, RejectedCallCounts rejections, DeploymentService deployments,
			Clock clock) {
		this.usage = usage;
		this.rejections = rejections;
		this.deployments = deployments;
		this.clock = clock;
	}

	/**
	 * The deployment's report, or with {@code keyId} that of what it ran with that API
	 * key (refused calls are counted per deployment, so such a report has none).
	 */
	public UsageReport report(String ownerId, String deploymentId, String windowToken, String keyId) {
		this.deployments.get(ownerId, deploymentId);
		UsageWindow window = window(windowToken);
		Instant now = this.clock.instant();
		Instant from = now.minus(window.length());
		if (keyId != null) {
			UsageTally tally = new UsageTally();
			this.usage.collectOfKey(ownerId, List.of(deploymentId), keyId, from, now, tally);
			return UsageReport.of(window, tally, Map.of());
		}
		return UsageReport.of(window, this.usage.tally(ownerId, deploymentId, from, now),
				this.rejections.since(ownerId, deploymentId, from));
	}

	/**
	 * Every current deployment of the owner (usage of deleted ones is not shown); with
	 * {@code keyId}, what each ran with that API key, without refused calls.
	 */
	public UsageOverview overview(String ownerId, String windowToken, String keyId) {
		UsageWindow window = window(windowToken);
		Instant now = this.clock.instant();
		Instant from = now.minus(window.length());
		UsageTally total = new UsageTally();
		Map<String, Long> totalRejected = new HashMap<>();
		List<DeploymentUsage> each = new ArrayList<>();
		Map<String, String> names = new LinkedHashMap<>();
		this.deployments.list(ownerId).forEach((deployment) -> names.put(deployment.id(), deployment.name()));
		Map<String, Map<String, Long>> rejectedEach = (keyId != null) ? Map.of()
				: this.rejections.sinceEach(ownerId, names.keySet(), from);
		this.usage.tallyEach(ownerId, names.keySet(), keyId, from, now, (deploymentId, tally) -> {
			Map<String, Long> rejected = rejectedEach.getOrDefault(deploymentId, Map.of());
			each.add(new DeploymentUsage(deploymentId, names.get(deploymentId),
					UsageReport.of(window, tally, rejected)));
			total.add(tally);
			rejected.forEach((reason, count) -> totalRejected.merge(reason, count, Long::sum));
		});
		each.sort(Comparator.comparingLong((DeploymentUsage usage) -> usage.usage().calls())
			.reversed()
			.thenComparing(DeploymentUsage::deploymentId));
		return new UsageOverview(window.token(), UsageReport.of(window, total, totalRejected), each);
	}

	/** Keeps a gateway's count of refused calls for the reports. */
	public void recordRejections(TriggersRejected summary) {
		this.rejections.add(summary);
	}

	/**
	 * Removes refused-call counts and hourly summaries no report or series reaches;
	 * returns how many.
	 */
	public long sweep() {
		return this.rejections.deleteBefore(
				UsageBucket.oldestShown(this.clock.instant(), UsageWindow.longest().length())) + this.usage.sweep();
	}

	/** The bucket a token names ({@code 5m}, ...), or an invalid request naming it. */
	static UsageBucket bucket(String token) {
		return oneOf("bucket", token, UsageBucket.values(), UsageBucket::token);
	}

	/** The window a token names ({@code 24h}, ...), or an invalid request naming it. */
	static UsageWindow window(String token) {
		return oneOf("window", token, UsageWindow.values(), UsageWindow::token);
	}

	private static <T> T oneOf(String field, String token, T[] values, Function<T, String> tokenOf) {
		return Arrays.stream(values)
			.filter((value) -> tokenOf.apply(value).equals(token))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException(field,
					"must be one of " + Arrays.stream(values).map(tokenOf).collect(Collectors.joining(", "))));
	}

}
