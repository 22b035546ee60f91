package dev.flowgate.gateway.web.proxy;

import java.util.Optional;
import java.util.function.Supplier;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.key.Caller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A key limited to some deployments polls and cancels only their executions: another one
 * of its owner's is as unknown to it as another owner's.
 */
@Component
class AllowListedExecutions {

	private final JsonMapper json;

	AllowListedExecutions(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The execution deployment-service answered with, if the caller may see it.
	 * @throws Rejection (404) when the execution belongs to a deployment outside the
	 * caller's allow-list
	 */
	ResponseEntity<byte[]> visibleTo(Caller caller, String executionId, ResponseEntity<byte[]> answer) {
		if (caller.deploymentIds().isEmpty() || answer.getStatusCode() != HttpStatus.OK) {
			return answer;
		}
		if (!caller.mayUse(deploymentIdOf(answer.getBody()))) {
			throw Rejection.notFound("Execution '%s' not found".formatted(executionId));
		}
		return answer;
	}

	/**
	 * Before acting on an execution: looks it up, only when the caller is limited to some
	 * deployments, and refuses it as {@link #visibleTo} would.
	 * @return the answer to give instead of acting, when the lookup found no execution
	 * (its own answer: 404, or 503 while deployment-service is away): what cannot be
	 * checked is not allowed
	 * @throws Rejection (404) when the execution belongs to a deployment outside the
	 * caller's allow-list
	 */
	Optional<ResponseEntity<byte[]>> refusal(Caller caller, String executionId,
			Supplier<ResponseEntity<byte[]>> lookUp) {
		if (caller.deploymentIds().isEmpty()) {
			return Optional.empty();
		}
		ResponseEntity<byte[]> found = visibleTo(caller, executionId, lookUp.get());
		return (found.getStatusCode() == HttpStatus.OK) ? Optional.empty() : Optional.of(found);
	}

	private String deploymentIdOf(byte[] execution) {
		try {
			JsonNode deploymentId = this.json.readTree(execution).path("deployment_id");
			return deploymentId.isString() ? deploymentId.stringValue() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
