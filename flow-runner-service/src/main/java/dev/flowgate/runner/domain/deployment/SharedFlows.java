package dev.flowgate.runner.domain.deployment;

import java.util.HashMap;
import java.util.Map;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.FlowDefinition;

/**
 * One copy of each flow version the deployments pin. A version never changes once made,
 * and deployments often pin the same one (its test and production deployments, say): each
 * state event brings its own copy, which would otherwise be held once per deployment. An
 * owner's deployed flows are budgeted by distinct versions, so this is also what keeps
 * the view within that budget.
 */
final class SharedFlows {

	private final Map<FlowVersion, Held> held = new HashMap<>();

	/** The deployment, pinning the copy of its flow held already if there is one. */
	synchronized DeploymentStateChanged hold(DeploymentStateChanged deployment) {
		if (deployment.flow() == null || deployment.flowId() == null) {
			return deployment;
		}
		Held flow = this.held.computeIfAbsent(FlowVersion.of(deployment), (key) -> new Held(deployment.flow()));
		flow.deployments++;
		return (flow.definition == deployment.flow()) ? deployment : withFlow(deployment, flow.definition);
	}

	/**
	 * The deployment no longer pins its flow: the copy goes with the last one that did.
	 */
	synchronized void release(DeploymentStateChanged deployment) {
		if (deployment.flow() == null || deployment.flowId() == null) {
			return;
		}
		this.held.computeIfPresent(FlowVersion.of(deployment), (key, flow) -> (--flow.deployments > 0) ? flow : null);
	}

	/** How many distinct flow versions are held. */
	synchronized int size() {
		return this.held.size();
	}

	private static DeploymentStateChanged withFlow(DeploymentStateChanged d, FlowDefinition flow) {
		return new DeploymentStateChanged(d.eventId(), d.schemaVersion(), d.occurredAt(), d.deploymentId(), d.ownerId(),
				d.name(), d.flowId(), d.flowVersion(), flow, d.mode(), d.environment(), d.enabled(),
				d.syncTimeoutSeconds(), d.delivery(), d.limits());
	}

	private record FlowVersion(String flowId, int version) {

		static FlowVersion of(DeploymentStateChanged deployment) {
			return new FlowVersion(deployment.flowId(), deployment.flowVersion());
		}

	}

	private static final class Held {

		private final FlowDefinition definition;

		private int deployments;

		Held(FlowDefinition definition) {
			this.definition = definition;
		}

	}

}
