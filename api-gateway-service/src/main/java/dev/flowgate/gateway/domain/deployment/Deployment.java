package dev.flowgate.gateway.domain.deployment;

import java.time.Instant;
import java.util.List;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.gateway.domain.input.InputSpec;

/**
 * A deployment as the gateway sees it: what a trigger is checked and answered by, and its
 * input nodes, parsed once when the state arrives rather than on every trigger. It holds
 * no flow definition: every replica keeps every deployment, and a pinned flow may be
 * megabytes that the gateway never reads again once its inputs are parsed.
 *
 * @param occurredAt when deployment-service last changed it
 */
public record Deployment(String id, String ownerId, String flowId, int flowVersion, DeploymentMode mode,
		DeploymentEnvironment environment, boolean enabled, int syncTimeoutSeconds, DeliveryTarget delivery,
		DeploymentLimits limits, Instant occurredAt, List<InputSpec> inputs) {

	public Deployment {
		inputs = List.copyOf(inputs);
	}

	public static Deployment of(DeploymentStateChanged state) {
		return new Deployment(state.deploymentId(), state.ownerId(), state.flowId(), state.flowVersion(), state.mode(),
				state.environment(), state.enabled(), state.syncTimeoutSeconds(), state.delivery(), state.limits(),
				state.occurredAt(), InputSpec.of(state.flow()));
	}

}
