package dev.flowgate.gateway.web.trigger;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.key.Gatekeeper;
import dev.flowgate.gateway.domain.trigger.TriggerRequest;
import dev.flowgate.gateway.domain.trigger.TriggerService;
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

	private final Gatekeeper gatekeeper;

	private final DeploymentView deployments;

	private final TriggerService triggers;

	private final RequestBodies bodies;

	private final ExecutionResponses responses;

	private final TriggerMetrics metrics;

	AicuflowTriggerController(Gatekeeper gatekeeper, DeploymentView deployments, TriggerService triggers,
			RequestBodies bodies, ExecutionResponses responses, TriggerMetrics metrics) {
		this.gatekeeper = gatekeeper;
		this.deployments = deployments;
		this.triggers = triggers;
		this.bodies = bodies;
		this.responses = responses;
		this.metrics = metrics;
	}

	@PostMapping({ "/node/deployment-trigger/{deploymentId}/", "/node/deployment-trigger/{deploymentId}" })
	CompletableFuture<ResponseEntity<AicuflowResponse>> trigger(@PathVariable String deploymentId,
			HttpServletRequest request) {
		return this.metrics.countRejections(TriggerSource.AICUFLOW,
				() -> accept(deploymentId, request, TriggerSource.AICUFLOW));
	}

	private CompletableFuture<ResponseEntity<AicuflowResponse>> accept(String deploymentId, HttpServletRequest request,
			TriggerSource source) {
		Caller caller = this.gatekeeper.admit(CallerHeaders.apiKey(request), KeyScope.RUN);
		Deployment deployment = this.deployments.forTrigger(caller, deploymentId);
		JsonNode body = this.bodies.readJsonObject(request);
		TriggerRequest trigger = new TriggerRequest(this.bodies.objectField(body, "input_data"), null,
				CallerHeaders.idempotencyKey(request), source);
		return this.triggers.trigger(caller, deployment, trigger)
			.thenApply((execution) -> this.metrics.answered(source, deployment, execution))
			.thenApply((execution) -> this.responses.respond(execution, AicuflowResponse.of(execution)));
	}

}
