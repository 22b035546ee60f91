package dev.flowgate.deployments.domain.deployment;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.internal.Setting;

/**
 * Settings a caller gives when creating or patching a deployment; {@code null} leaves a
 * setting as it is (or at its default). Mode and environment are tokens so a wrong value
 * is reported like every other problem.
 *
 * @param flowVersion the flow version to pin; on a patch, a redeploy
 * @param delivery kept, replaced as a whole, or cleared ({@code null} value); a
 * {@code null} setting keeps it
 * @param limits as {@code delivery}
 */
public record DeploymentChanges(Integer flowVersion, String name, String mode, String environment, Boolean enabled,
		Integer syncTimeoutSeconds, Setting<DeliveryTarget> delivery, Setting<DeploymentLimits> limits) {

	public static final DeploymentChanges NONE = new DeploymentChanges(null, null, null, null, null, null, null, null);

	public DeploymentChanges {
		delivery = (delivery != null) ? delivery : Setting.keep();
		limits = (limits != null) ? limits : Setting.keep();
	}

}
