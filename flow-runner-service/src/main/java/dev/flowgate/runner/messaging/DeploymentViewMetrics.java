package dev.flowgate.runner.messaging;

import dev.flowgate.runner.domain.deployment.DeploymentView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What the deployment view holds: every deployment ({@value #DEPLOYMENTS}) and, once
 * each, the flow versions they pin ({@value #FLOW_VERSIONS}), which is what a runner's
 * memory grows with.
 */
@Component
class DeploymentViewMetrics {

	static final String DEPLOYMENTS = "flowgate.runner.deployments";

	static final String FLOW_VERSIONS = "flowgate.runner.flow.versions";

	DeploymentViewMetrics(MeterRegistry registry, DeploymentView view) {
		Gauge.builder(DEPLOYMENTS, view, DeploymentView::size)
			.description("Deployments in the deployment view")
			.register(registry);
		Gauge.builder(FLOW_VERSIONS, view, DeploymentView::flowVersions)
			.description("Distinct flow versions the deployments pin, each held once")
			.register(registry);
	}

}
