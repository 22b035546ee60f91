package dev.flowgate.deployments.domain.deployment;

import java.time.Instant;
import java.util.List;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.deployments.domain.flow.FlowInput;

/**
 * A deployment as lists show it: its settings and inputs without the pinned flow, which
 * may take a MiB decoded. Being no {@link Deployment}, it cannot be published in place of
 * one: a state event must carry the flow.
 */
public record DeploymentSummary(String id, String ownerId, String name, String flowId, int flowVersion,
		List<FlowInput> inputs, DeploymentMode mode, DeploymentEnvironment environment, boolean enabled,
		int syncTimeoutSeconds, DeliveryTarget delivery, DeploymentLimits limits, long version, Instant createdAt,
		Instant updatedAt) {

	public DeploymentSummary {
		inputs = List.copyOf(inputs);
		delivery = (delivery != null) ? delivery : DeliveryTarget.NONE;
		limits = (limits != null) ? limits : DeploymentLimits.NONE;
	}

	public static DeploymentSummary of(Deployment deployment) {
		return new DeploymentSummary(deployment.id(), deployment.ownerId(), deployment.name(), deployment.flowId(),
				deployment.flowVersion(), FlowInput.of(deployment.flow()), deployment.mode(), deployment.environment(),
				deployment.enabled(), deployment.syncTimeoutSeconds(), deployment.delivery(), deployment.limits(),
				deployment.version(), deployment.createdAt(), deployment.updatedAt());
	}

}
