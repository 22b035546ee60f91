package dev.flowgate.gateway.web.trigger;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.input.InputValidator;
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
 * The native trigger: {@code POST /v1/deployments/{id}/executions} with
 * {@code {"input_data": {...}, "callback_url": ...}}. The call is parked, not a thread.
 */
@RestController
class NativeTriggerController {

	private static final String INPUT_DATA = "input_data";

	private static final String CALLBACK_URL = "callback_url";

	private static final Set<String> MEMBERS = Set.of(INPUT_DATA, CALLBACK_URL);

	private final TriggerCalls calls;

	private final DeploymentView deployments;

	private final RequestBodies bodies;

	NativeTriggerController(TriggerCalls calls, DeploymentView deployments, RequestBodies bodies) {
		this.calls = calls;
		this.deployments = deployments;
		this.bodies = bodies;
	}

	@PostMapping("/v1/deployments/{deploymentId}/executions")
	CompletableFuture<ResponseEntity<ExecutionResource>> trigger(@PathVariable String deploymentId,
			HttpServletRequest request) {
		return this.calls.counted(TriggerSource.NATIVE, request,
				(attribution) -> accept(deploymentId, request, attribution));
	}

	private CompletableFuture<ResponseEntity<ExecutionResource>> accept(String deploymentId, HttpServletRequest request,
			Attribution attribution) {
		Caller caller = this.calls.authenticate(request);
		Deployment deployment = this.calls.charged(caller, attribution,
				() -> this.deployments.forTrigger(caller, deploymentId, attribution::to));
		JsonNode body = this.bodies.readJsonObject(request);
		this.bodies.refuseOtherMembers(body, MEMBERS);
		TriggerRequest trigger = new TriggerRequest(this.bodies.objectField(body, INPUT_DATA),
				callbackUrl(body, deployment), CallerHeaders.idempotencyKey(request), TriggerSource.NATIVE);
		return this.calls.accept(request, caller, deployment, trigger,
				(execution) -> ExecutionResource.of(execution, caller.readsTraces()));
	}

	/** The call's own callback URL: http(s), no credentials, and only where allowed. */
	private static String callbackUrl(JsonNode body, Deployment deployment) {
		JsonNode url = body.get(CALLBACK_URL);
		if (url == null || url.isNull()) {
			return null;
		}
		if (!url.isString() || !InputValidator.isHttpUrl(url.stringValue())) {
			throw Rejection.invalidField(CALLBACK_URL, "must be an http(s) URL");
		}
		if (InputValidator.hasCredentials(url.stringValue())) {
			throw Rejection.invalidField(CALLBACK_URL, "must not carry credentials (user:password@)");
		}
		DeliveryTarget delivery = deployment.delivery();
		if (delivery == null || !delivery.allowCallbackOverride()) {
			throw Rejection.invalidField(CALLBACK_URL,
					"is not taken per call by this deployment (its delivery.allowCallbackOverride is off)");
		}
		return url.stringValue();
	}

}
