package dev.flowgate.deployments.domain.usage;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import dev.flowgate.contracts.TriggersRejected;
import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.deployment.DeploymentService;

/**
 * Reports a deployment's calls, outcomes, latency, tokens and refused calls over a
 * window.
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

	public UsageReport report(String ownerId, String deploymentId, String windowToken) {
		this.deployments.get(ownerId, deploymentId);
		UsageWindow window = UsageWindow.of(windowToken)
			.orElseThrow(() -> new InvalidRequestException("window", "must be one of "
					+ Arrays.stream(UsageWindow.values()).map(UsageWindow::token).collect(Collectors.joining(", "))));
		Instant now = this.clock.instant();
		Instant from = now.minus(window.length());
		return UsageReport.of(window, this.usage.tally(ownerId, deploymentId, from, now),
				this.rejections.since(ownerId, deploymentId, from));
	}

	/** Keeps a gateway's count of refused calls for the reports. */
	public void recordRejections(TriggersRejected summary) {
		this.rejections.add(summary);
	}

	/**
	 * Removes refused-call counts and hourly summaries older than the longest window;
	 * returns how many.
	 */
	public long sweep() {
		return this.rejections.deleteBefore(this.clock.instant().minus(UsageWindow.longest().length()))
				+ this.usage.sweep();
	}

}
