package dev.flowgate.gateway.web.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.input.FluxInput;
import dev.flowgate.gateway.domain.input.FluxInputMapper;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.trigger.TriggerRequest;
import dev.flowgate.gateway.web.CallerHeaders;
import dev.flowgate.gateway.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FluxPrompt-compatible trigger: {@code POST /flux/api-v2?flowId=...} with
 * {@code api-key} and {@code {"variableInputs":[{"inputId","inputText"}]}}.
 */
@RestController
class FluxTriggerController {

	private final TriggerCalls calls;

	private final DeploymentView deployments;

	private final RequestBodies bodies;

	private final FluxInputMapper inputMapper;

	FluxTriggerController(TriggerCalls calls, DeploymentView deployments, RequestBodies bodies) {
		this.calls = calls;
		this.deployments = deployments;
		this.bodies = bodies;
		this.inputMapper = new FluxInputMapper(bodies.jsonText());
	}

	@PostMapping("/flux/api-v2")
	CompletableFuture<ResponseEntity<FluxResponse>> trigger(HttpServletRequest request) {
		return this.calls.counted(TriggerSource.FLUXPROMPT, request, (attribution) -> accept(request, attribution));
	}

	private CompletableFuture<ResponseEntity<FluxResponse>> accept(HttpServletRequest request,
			Attribution attribution) {
		String flowId = FluxQuery.flowId(request.getQueryString());
		if (flowId == null || flowId.isBlank()) {
			throw Rejection.badRequest("The flowId query parameter is required");
		}
		Caller caller = this.calls.authenticate(request);
		Deployment deployment = this.calls.charged(caller, attribution,
				() -> this.deployments.forFluxFlow(caller, flowId, attribution::to));
		List<FluxInput> variableInputs = variableInputs(this.bodies.readJsonObject(request));
		Map<String, Object> inputs = this.inputMapper.map(deployment.inputs(), variableInputs);
		TriggerRequest trigger = new TriggerRequest(inputs, null, CallerHeaders.idempotencyKey(request),
				TriggerSource.FLUXPROMPT);
		return this.calls.accept(request, caller, deployment, trigger, FluxResponse::of);
	}

	private static List<FluxInput> variableInputs(JsonNode body) {
		JsonNode entries = body.get("variableInputs");
		if (entries == null || entries.isNull()) {
			return List.of();
		}
		if (!entries.isArray()) {
			throw Rejection.badRequest("'variableInputs' must be an array");
		}
		List<FluxInput> inputs = new ArrayList<>();
		for (JsonNode entry : entries.values()) {
			JsonNode id = entry.get("inputId");
			if (id == null || !id.isString()) {
				throw Rejection.badRequest("Every variableInputs entry needs an inputId string");
			}
			inputs.add(new FluxInput(id.stringValue(), text(entry.get("inputText"))));
		}
		return inputs;
	}

	/**
	 * inputText is text; a number or JSON value sent instead is taken as its JSON text.
	 */
	private static String text(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

}
