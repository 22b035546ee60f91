package dev.flowgate.gateway.domain.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;

/**
 * A deployment as deployment-service answered a change of it, in what the view holds: the
 * view has applied the change once its state of the deployment agrees. Deployments carry
 * no version, so the deployment is compared field by field; only the fields the answer
 * told are compared.
 */
public final class ExpectedDeployment {

	private final String deploymentId;

	private final List<Predicate<Deployment>> conditions = new ArrayList<>();

	private ExpectedDeployment(String deploymentId) {
		this.deploymentId = deploymentId;
	}

	/** The deployment present in the view, whatever its state. */
	public static ExpectedDeployment of(String deploymentId) {
		return new ExpectedDeployment(deploymentId);
	}

	public String deploymentId() {
		return this.deploymentId;
	}

	public ExpectedDeployment flowVersion(int flowVersion) {
		return with(Deployment::flowVersion, flowVersion);
	}

	public ExpectedDeployment mode(DeploymentMode mode) {
		return with(Deployment::mode, mode);
	}

	public ExpectedDeployment environment(DeploymentEnvironment environment) {
		return with(Deployment::environment, environment);
	}

	public ExpectedDeployment enabled(boolean enabled) {
		return with(Deployment::enabled, enabled);
	}

	public ExpectedDeployment syncTimeoutSeconds(int seconds) {
		return with(Deployment::syncTimeoutSeconds, seconds);
	}

	public ExpectedDeployment delivery(DeliveryTarget delivery) {
		return with(Deployment::delivery, delivery);
	}

	public ExpectedDeployment limits(DeploymentLimits limits) {
		return with(Deployment::limits, limits);
	}

	/**
	 * @param deployment the view's deployment, {@code null} when it has none
	 */
	boolean metBy(Deployment deployment) {
		return deployment != null && this.conditions.stream().allMatch((condition) -> condition.test(deployment));
	}

	private <T> ExpectedDeployment with(Function<Deployment, T> field, T expected) {
		this.conditions.add((deployment) -> Objects.equals(field.apply(deployment), expected));
		return this;
	}

	@Override
	public String toString() {
		return "deployment " + this.deploymentId;
	}

}
