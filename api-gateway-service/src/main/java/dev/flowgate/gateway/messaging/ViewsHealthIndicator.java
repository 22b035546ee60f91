package dev.flowgate.gateway.messaging;

import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.key.KeyView;
import dev.flowgate.gateway.domain.view.Readiness;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of the readiness group: DOWN until the key and deployment views and the limit
 * counts reached the end offsets seen at start and the results consumer is positioned.
 */
@Component("views")
class ViewsHealthIndicator implements HealthIndicator {

	private final Readiness readiness;

	private final KeyView keys;

	private final DeploymentView deployments;

	ViewsHealthIndicator(Readiness readiness, KeyView keys, DeploymentView deployments) {
		this.readiness = readiness;
		this.keys = keys;
		this.deployments = deployments;
	}

	@Override
	public Health health() {
		Health.Builder builder = this.readiness.ready() ? Health.up() : Health.down();
		return builder.withDetail("keysCaughtUp", this.readiness.keys().caughtUp())
			.withDetail("deploymentsCaughtUp", this.readiness.deployments().caughtUp())
			.withDetail("limitCountsCaughtUp", this.readiness.limitCounts().caughtUp())
			.withDetail("listeningForResults", this.readiness.listeningForResults())
			.withDetail("keys", this.keys.size())
			.withDetail("deployments", this.deployments.size())
			.build();
	}

}
