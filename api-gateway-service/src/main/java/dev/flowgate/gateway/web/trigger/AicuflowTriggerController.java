package dev.flowgate.gateway.web.trigger;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.trigger.TriggerRequest;
import dev.flowgate.gateway.web.CallerHeaders;
import dev.flowgate.gateway.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * aicuflow-compatible trigger: {@code POST /node/deployment-trigger/{id}/} with
 * {@code X-API-Key} and {@code {"input_data": {...}}}, so aicuflow's client code works
 * unchanged but for URL and key.
 */
@RestController
class AicuflowTriggerController {

	private final TriggerCalls calls;

	private final DeploymentView deployments;

	private final RequestBodies bodies;

	AicuflowTriggerController(TriggerCalls calls, DeploymentView deployments, RequestBodies bodies) {
		this.calls = calls;
		this.deployments = deployments;
		this.bodies = bodies;
	}

	@PostMapping({ "/node/deployment-trigger/{deploymentId}/", "/node/deployment-trigger/{deploymentId}" })
	CompletableFuture<ResponseEntity<AicuflowResponse>> trigger(@PathVariable String deploymentId,
			HttpServletRequest request) {
		return this.calls.counted(TriggerSource.AICUFLOW, request,
				(attribution) -> accept(deploymentId, request, attribution));
	}

	private CompletableFuture<ResponseEntity<AicuflowResponse>> accept(String deploymentId, HttpServletRequest request,
			Attribution attribution) {
		Caller caller = this.calls.authenticate(request);
		Deployment deployment = this.calls.charged(caller, attribution,
				() -> this.deployments.forTrigger(caller, deploymentId, attribution::to));
		JsonNode body = this.bodies.readJsonObject(request);
		TriggerRequest trigger = new TriggerRequest(this.bodies.objectField(body, "input_data"), null,
				CallerHeaders.idempotencyKey(request), TriggerSource.AICUFLOW);
		return this.calls.accept(request, caller, deployment, trigger, AicuflowResponse::of);
	}

}
