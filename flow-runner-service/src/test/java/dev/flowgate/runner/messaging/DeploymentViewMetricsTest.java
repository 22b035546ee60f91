package dev.flowgate.runner.messaging;

import dev.flowgate.runner.domain.deployment.DeploymentView;
import dev.flowgate.runner.support.Deployments;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentViewMetricsTest {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final DeploymentView view = new DeploymentView();

	@Test
	void countsDeploymentsAndTheFlowVersionsTheyPin() {
		new DeploymentViewMetrics(this.registry, this.view);

		this.view.put(Deployments.echo("dep-1", "owner-1"));
		this.view.put(Deployments.echo("dep-2", "owner-1"));
		this.view.remove("dep-1");

		assertThat(this.registry.get(DeploymentViewMetrics.DEPLOYMENTS).gauge().value()).isEqualTo(1);
		assertThat(this.registry.get(DeploymentViewMetrics.FLOW_VERSIONS).gauge().value()).isEqualTo(1);
	}

}
