package dev.flowgate.deployments.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.deployment.DeploymentSummary;
import dev.flowgate.deployments.domain.deployment.Endpoints;

/** A deployment as the management API shows it. */
record DeploymentResource(String id, String name, String flowId, int flowVersion, DeploymentMode mode,
		DeploymentEnvironment environment, boolean enabled, int syncTimeoutSeconds, DeliveryTarget delivery,
		DeploymentLimits limits, List<Input> inputs, EndpointUrls endpoints, Instant createdAt, Instant updatedAt) {

	static DeploymentResource of(Deployment deployment, String publicBase) {
		return of(DeploymentSummary.of(deployment), publicBase);
	}

	static DeploymentResource of(DeploymentSummary deployment, String publicBase) {
		List<Input> inputs = deployment.inputs()
			.stream()
			.map((input) -> new Input(input.nodeId(), input.name(), input.type().token(), input.required(),
					input.testValue()))
			.toList();
		Endpoints endpoints = Endpoints.of(publicBase, deployment.id());
		return new DeploymentResource(deployment.id(), deployment.name(), deployment.flowId(), deployment.flowVersion(),
				deployment.mode(), deployment.environment(), deployment.enabled(), deployment.syncTimeoutSeconds(),
				deployment.delivery(), deployment.limits(), inputs,
				new EndpointUrls(endpoints.nativeUrl(), endpoints.aicuflowUrl(), endpoints.fluxpromptUrl()),
				deployment.createdAt(), deployment.updatedAt());
	}

	/** An input the deployment accepts, from one input node. */
	record Input(String nodeId, String name, String type, boolean required, Object testValue) {

	}

	/** The trigger URLs. */
	record EndpointUrls(@JsonProperty("native") String nativeUrl, String aicuflow, String fluxprompt) {

	}

	/**
	 * A page of the deployment list; {@code nextCursor} is {@code null} on the last page.
	 */
	record Page(List<DeploymentResource> items, String nextCursor) {

	}

}
