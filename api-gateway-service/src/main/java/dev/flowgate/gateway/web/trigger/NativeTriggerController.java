package dev.flowgate.gateway.web.trigger;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.input.InputValidator;
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
 * The native trigger: {@code POST /v1/deployments/{id}/executions} with
 * {@code {"input_data": {...}, "callback_url": ...}}. The call is parked, not a thread.
 */
@RestController
class NativeTriggerController {

	private final Gatekeeper gatekeeper;

	private final DeploymentView deployments;

	private final TriggerService triggers;

	private final RequestBodies bodies;

	private final ExecutionResponses responses;

	private final TriggerMetrics metrics;

	NativeTriggerController(Gatekeeper gatekeeper, DeploymentView deployments, TriggerService triggers,
			RequestBodies bodies, ExecutionResponses responses, TriggerMetrics metrics) {
		this.gatekeeper = gatekeeper;
		this.deployments = deployments;
		this.triggers = triggers;
		this.bodies = bodies;
		this.responses = responses;
		this.metrics = metrics;
	}

	@PostMapping("/v1/deployments/{deploymentId}/executions")
	CompletableFuture<ResponseEntity<ExecutionResource>> trigger(@PathVariable String deploymentId,
			HttpServletRequest request) {
		return this.metrics.countRejections(TriggerSource.NATIVE,
				() -> accept(deploymentId, request, TriggerSource.NATIVE));
	}

	private CompletableFuture<ResponseEntity<ExecutionResource>> accept(String deploymentId, HttpServletRequest request,
			TriggerSource source) {
		Caller caller = this.gatekeeper.admit(CallerHeaders.apiKey(request), KeyScope.RUN);
		Deployment deployment = this.deployments.forTrigger(caller, deploymentId);
		JsonNode body = this.bodies.readJsonObject(request);
		TriggerRequest trigger = new TriggerRequest(this.bodies.objectField(body, "input_data"), callbackUrl(body),
				CallerHeaders.idempotencyKey(request), source);
		return this.triggers.trigger(caller, deployment, trigger)
			.thenApply((execution) -> this.metrics.answered(source, deployment, execution))
			.thenApply((execution) -> this.responses.respond(execution, ExecutionResource.of(execution)));
	}

	private static String callbackUrl(JsonNode body) {
		JsonNode url = body.get("callback_url");
		if (url == null || url.isNull()) {
			return null;
		}
		if (!url.isString() || !InputValidator.isHttpUrl(url.stringValue())) {
			throw Rejection.badRequest("'callback_url' must be an http(s) URL");
		}
		return url.stringValue();
	}

}
