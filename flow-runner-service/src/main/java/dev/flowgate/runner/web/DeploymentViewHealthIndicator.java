package dev.flowgate.runner.web;

import dev.flowgate.runner.domain.deployment.DeploymentView;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: a runner is not ready until its deployment view has read what was
 * published before it started.
 */
@Component
class DeploymentViewHealthIndicator implements HealthIndicator {

	private final DeploymentView view;

	DeploymentViewHealthIndicator(DeploymentView view) {
		this.view = view;
	}

	@Override
	public Health health() {
		Health.Builder health = this.view.isCaughtUp() ? Health.up() : Health.outOfService();
		return health.withDetail("deployments", this.view.size()).build();
	}

}
