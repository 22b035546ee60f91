package dev.flowgate.runner.web;

import dev.flowgate.runner.domain.deployment.DeploymentView;
import dev.flowgate.runner.support.Deployments;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentViewHealthIndicatorTest {

	private final DeploymentView view = new DeploymentView();

	private final DeploymentViewHealthIndicator indicator = new DeploymentViewHealthIndicator(this.view);

	@Test
	void isOutOfServiceUntilTheViewCaughtUp() {
		this.view.put(Deployments.echo("dep-1", "owner-1"));

		Health health = this.indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("deployments", 1);
	}

	@Test
	void isUpOnceTheViewCaughtUp() {
		this.view.markCaughtUp();

		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

}
