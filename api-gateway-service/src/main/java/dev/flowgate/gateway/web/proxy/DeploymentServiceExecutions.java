package dev.flowgate.gateway.web.proxy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.route.Upstream;
import dev.flowgate.gateway.domain.trigger.ExecutionRecords;
import dev.flowgate.gateway.web.trigger.ExecutionResource;
import dev.flowgate.internal.InternalHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** Execution records, read from deployment-service's {@code GET /v1/executions/{id}}. */
@Component
class DeploymentServiceExecutions implements ExecutionRecords {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	/** Sent on lookups with {@link InternalHeaders#RECORDED_ONLY} alone. */
	private static final String INPUTS_CHECK = "inputs_check";

	private final UpstreamClient upstream;

	private final JsonMapper mapper;

	DeploymentServiceExecutions(UpstreamClient upstream, JsonMapper mapper) {
		this.upstream = upstream;
		this.mapper = mapper;
	}

	@Override
	public Optional<Recorded> find(String executionId, String ownerId) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		// A new key's check must stay quick; a repeat sent a moment after the first call
		// is caught by the runner instead.
		headers.set(InternalHeaders.RECORDED_ONLY, "true");
		ResponseEntity<byte[]> response = this.upstream.exchange(Upstream.DEPLOYMENT_SERVICE, HttpMethod.GET,
				"/v1/executions/" + UriUtils.encodePathSegment(executionId, StandardCharsets.UTF_8), headers, null,
				ForwardedIdentity.owner(ownerId));
		if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
			return Optional.empty();
		}
		if (!response.getStatusCode().is2xxSuccessful()) {
			throw Rejection.unavailable("deployment-service answered " + response.getStatusCode().value()
					+ " when looking up execution " + executionId, RETRY_AFTER);
		}
		try {
			JsonNode execution = this.mapper.readTree(response.getBody());
			JsonNode check = execution.path(INPUTS_CHECK);
			JsonNode digest = check.path("inputs_digest");
			boolean complete = !execution.path("input_data").isNull() && !check.path("inputs_truncated").asBoolean();
			return Optional.of(new Recorded(this.mapper.treeToValue(execution, ExecutionResource.class).toSnapshot(),
					digest.isString() ? digest.stringValue() : null, complete));
		}
		catch (JacksonException ex) {
			throw Rejection.unavailable("deployment-service sent an unreadable execution " + executionId, RETRY_AFTER);
		}
	}

}
