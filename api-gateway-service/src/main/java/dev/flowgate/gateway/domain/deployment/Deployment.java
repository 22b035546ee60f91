package dev.flowgate.gateway.domain.deployment;

import java.util.List;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.gateway.domain.input.InputSpec;

/**
 * A deployment as the gateway sees it: its latest state and its input nodes, parsed once
 * when the state arrives rather than on every trigger.
 */
public record Deployment(DeploymentStateChanged state, List<InputSpec> inputs) {

	public static Deployment of(DeploymentStateChanged state) {
		return new Deployment(state, InputSpec.of(state.flow()));
	}

	public String id() {
		return this.state.deploymentId();
	}

	public String ownerId() {
		return this.state.ownerId();
	}

}
