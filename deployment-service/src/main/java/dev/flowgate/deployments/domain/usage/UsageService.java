package dev.flowgate.deployments.domain.usage;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;

import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.deployment.DeploymentService;

/** Reports a deployment's calls, outcomes, latency and tokens over a window. */
public class UsageService {

	private final UsageSamples samples;

	private final DeploymentService deployments;

	private final Clock clock;

	public UsageService(UsageSamples samples, DeploymentService deployments, Clock clock) {
		this.samples = samples;
		this.deployments = deployments;
		this.clock = clock;
	}

	public UsageReport report(String ownerId, String deploymentId, String windowToken) {
		this.deployments.get(ownerId, deploymentId);
		UsageWindow window = UsageWindow.of(windowToken)
			.orElseThrow(() -> new InvalidRequestException("window", "must be one of "
					+ Arrays.stream(UsageWindow.values()).map(UsageWindow::token).collect(Collectors.joining(", "))));
		return UsageReport.of(window,
				this.samples.since(ownerId, deploymentId, this.clock.instant().minus(window.length())));
	}

}
