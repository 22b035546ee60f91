package dev.flowgate.gateway.domain.trigger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Executions in flight per deployment: this replica's, to which those of the other
 * replicas are added for a deployment's concurrency limit. Not thread-safe:
 * {@link InFlightExecutions} calls it holding its lock.
 */
final class DeploymentConcurrency {

	private final Map<String, Integer> countByDeployment = new HashMap<>();

	/** Deployments with a concurrency limit and executions in flight here. */
	private final Set<String> limited = new HashSet<>();

	private final InFlightElsewhere elsewhere;

	DeploymentConcurrency(InFlightElsewhere elsewhere) {
		this.elsewhere = elsewhere;
	}

	boolean isFull(String deploymentId, Integer maxConcurrent) {
		return maxConcurrent != null && running(deploymentId) + this.elsewhere.running(deploymentId) >= maxConcurrent;
	}

	void started(String deploymentId, Integer maxConcurrent) {
		this.countByDeployment.merge(deploymentId, 1, Integer::sum);
		if (maxConcurrent != null) {
			this.limited.add(deploymentId);
		}
	}

	void finished(String deploymentId) {
		if (this.countByDeployment.computeIfPresent(deploymentId,
				(id, count) -> (count > 1) ? count - 1 : null) == null) {
			this.limited.remove(deploymentId);
		}
	}

	/** Executions of the deployment in flight here. */
	int running(String deploymentId) {
		return this.countByDeployment.getOrDefault(deploymentId, 0);
	}

	/** Executions in flight here of each deployment with a concurrency limit. */
	Map<String, Integer> countLimited() {
		Map<String, Integer> counts = new HashMap<>();
		this.limited.forEach((deploymentId) -> counts.put(deploymentId, running(deploymentId)));
		return counts;
	}

}
