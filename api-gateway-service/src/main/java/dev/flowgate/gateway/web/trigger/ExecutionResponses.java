package dev.flowgate.gateway.web.trigger;

import java.net.URI;

import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.domain.trigger.ExecutionSnapshot;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** 200 with a finished execution, 202 with {@code Location} (the poll URL) otherwise. */
@Component
class ExecutionResponses {

	private final String publicUrl;

	ExecutionResponses(GatewayProperties properties) {
		String url = (properties.publicUrl() != null) ? properties.publicUrl().strip() : "";
		this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	static String pollPath(String executionId) {
		return "/v1/executions/" + executionId;
	}

	<T> ResponseEntity<T> respond(ExecutionSnapshot execution, T body, HttpHeaders headers) {
		if (execution.finished()) {
			return ResponseEntity.ok().headers(headers).body(body);
		}
		return ResponseEntity.accepted()
			.location(URI.create(this.publicUrl + pollPath(execution.executionId())))
			.headers(headers)
			.body(body);
	}

}
