package dev.flowgate.deployments.domain.deployment;

/**
 * Publishes a deployment's stored state (or tombstone). Failures are retried later by the
 * republisher, so callers never see them.
 */
public interface DeploymentPublication {

	void publish(String deploymentId);

}
