package dev.flowgate.deployments.web;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.deployments.domain.deployment.DeploymentChanges;

/**
 * The body of {@code POST /v1/deployments} and {@code PATCH /v1/deployments/{id}} (where
 * {@code flowId} is ignored); absent fields keep their value or default.
 */
record DeploymentRequest(String flowId, Integer flowVersion, String name, String mode, String environment,
		Boolean enabled, Integer syncTimeoutSeconds, Delivery delivery, DeploymentLimits limits) {

	DeploymentChanges toChanges() {
		DeliveryTarget target = (this.delivery != null) ? new DeliveryTarget(this.delivery.callbackUrl(),
				this.delivery.email(), Boolean.TRUE.equals(this.delivery.allowCallbackOverride())) : null;
		return new DeploymentChanges(this.flowVersion, this.name, this.mode, this.environment, this.enabled,
				this.syncTimeoutSeconds, target, this.limits);
	}

	/** Where results go; {@code allowCallbackOverride} may be left out (false). */
	record Delivery(String callbackUrl, String email, Boolean allowCallbackOverride) {

	}

}
