package dev.flowgate.deployments.domain.deployment;

import java.time.Instant;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.FlowDefinition;

/**
 * A deployed flow: the pinned flow version's definition and how it is served.
 *
 * @param version the state version; each change increments it and is published once
 */
public record Deployment(String id, String ownerId, String name, String flowId, int flowVersion, FlowDefinition flow,
		DeploymentMode mode, DeploymentEnvironment environment, boolean enabled, int syncTimeoutSeconds,
		DeliveryTarget delivery, DeploymentLimits limits, long version, Instant createdAt, Instant updatedAt) {

	public Deployment {
		delivery = (delivery != null) ? delivery : DeliveryTarget.NONE;
		limits = (limits != null) ? limits : DeploymentLimits.NONE;
	}

	/** The same deployment serving another flow version. */
	Deployment pinnedTo(int pinnedVersion, FlowDefinition pinnedFlow) {
		return new Deployment(this.id, this.ownerId, this.name, this.flowId, pinnedVersion, pinnedFlow, this.mode,
				this.environment, this.enabled, this.syncTimeoutSeconds, this.delivery, this.limits, this.version,
				this.createdAt, this.updatedAt);
	}

	/** This state as the next version, changed at {@code at}. */
	Deployment nextVersion(Instant at) {
		return new Deployment(this.id, this.ownerId, this.name, this.flowId, this.flowVersion, this.flow, this.mode,
				this.environment, this.enabled, this.syncTimeoutSeconds, this.delivery, this.limits, this.version + 1,
				this.createdAt, at);
	}

}
