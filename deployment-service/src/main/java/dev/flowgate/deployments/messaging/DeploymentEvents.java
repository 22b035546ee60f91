package dev.flowgate.deployments.messaging;

import java.time.Instant;
import java.util.UUID;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.deployments.domain.deployment.Deployment;

/** Builds the state event of a deployment. */
final class DeploymentEvents {

	private DeploymentEvents() {
	}

	static DeploymentStateChanged stateChanged(Deployment deployment, Instant now) {
		return new DeploymentStateChanged(UUID.randomUUID(), DeploymentStateChanged.SCHEMA_VERSION, now,
				deployment.id(), deployment.ownerId(), deployment.name(), deployment.flowId(), deployment.flowVersion(),
				deployment.flow(), deployment.mode(), deployment.environment(), deployment.enabled(),
				deployment.syncTimeoutSeconds(), deployment.delivery(), deployment.limits());
	}

}
