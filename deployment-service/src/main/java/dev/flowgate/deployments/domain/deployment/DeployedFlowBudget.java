package dev.flowgate.deployments.domain.deployment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import dev.flowgate.deployments.domain.flow.FlowService;
import dev.flowgate.deployments.domain.flow.PinnedVersion;

/**
 * How much flow an owner's deployments pin: every gateway and runner holds each deployed
 * flow in memory, so one owner's must not fill theirs. Each version counts once, however
 * many deployments pin it; many deployments of one version are bounded by the flow size
 * limit times the deployments an owner may have.
 */
final class DeployedFlowBudget {

	private final DeploymentRepository deployments;

	private final FlowService flows;

	private final long budget;

	/**
	 * @param budget the most bytes, as JSON, of the distinct versions an owner pins
	 */
	DeployedFlowBudget(DeploymentRepository deployments, FlowService flows, long budget) {
		this.deployments = deployments;
		this.flows = flows;
		this.budget = budget;
	}

	/**
	 * @param deploymentId the deployment that would pin {@code pin}: one to be created,
	 * or one stored, which then no longer pins its current version
	 * @throws DeployedFlowBudgetExceededException when the owner's pins would then take
	 * more than the budget
	 */
	void require(String ownerId, String deploymentId, PinnedVersion pin) {
		Map<String, PinnedVersion> pins = new HashMap<>(this.deployments.findPins(ownerId));
		pins.put(deploymentId, pin);
		long bytes = this.flows.definitionBytes(ownerId, new HashSet<>(pins.values()));
		if (bytes > this.budget) {
			throw new DeployedFlowBudgetExceededException(this.budget, bytes);
		}
	}

}
