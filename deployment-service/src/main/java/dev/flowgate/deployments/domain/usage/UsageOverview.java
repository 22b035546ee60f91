package dev.flowgate.deployments.domain.usage;

import java.util.List;

/**
 * An owner's usage over a window: every deployment's report, busiest first, and their sum
 * (percentiles over all of them, not an average of theirs).
 */
public record UsageOverview(String window, UsageReport total, List<DeploymentUsage> deployments) {

	/** One deployment's report. */
	public record DeploymentUsage(String deploymentId, String name, UsageReport usage) {

	}

}
