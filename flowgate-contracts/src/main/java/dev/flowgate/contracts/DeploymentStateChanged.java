package dev.flowgate.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The full current state of one deployment, including its pinned flow definition, on a
 * compacted topic (a tombstone when deleted). Key: {@code deploymentId}.
 */
public record DeploymentStateChanged(UUID eventId, int schemaVersion, Instant occurredAt, String deploymentId,
		String ownerId, String name, String flowId, int flowVersion, FlowDefinition flow, DeploymentMode mode,
		DeploymentEnvironment environment, boolean enabled, int syncTimeoutSeconds, DeliveryTarget delivery,
		DeploymentLimits limits) implements FlowgateEvent {

	public static final String TYPE = "deployment.state-changed";

	public static final int SCHEMA_VERSION = 1;

	public DeploymentStateChanged {
		delivery = (delivery != null) ? delivery : DeliveryTarget.NONE;
		limits = (limits != null) ? limits : DeploymentLimits.NONE;
	}

	@Override
	public String subjectId() {
		return this.deploymentId;
	}

}
