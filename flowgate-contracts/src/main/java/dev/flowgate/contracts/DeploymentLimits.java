package dev.flowgate.contracts;

/**
 * Per-deployment limits; {@code null} means unlimited.
 */
public record DeploymentLimits(Integer maxConcurrentExecutions, Integer requestsPerMinute) {

	public static final DeploymentLimits NONE = new DeploymentLimits(null, null);

}
