package dev.flowgate.gateway.web.proxy;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.key.Caller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * An execution's {@code trace} (every node's output, an http node's upstream answer and
 * an LLM's text included) is the owner's debugging data: a caller without scope
 * {@code manage}, the system that polls or cancels the execution, gets
 * deployment-service's answer without it, every other member, the status and the headers
 * as sent.
 */
@Component
class OwnerOnlyTraces {

	private static final String TRACE = "trace";

	private final JsonMapper json;

	/** Decimals as written: a double would turn {@code 1e400} into a string. */
	private final ObjectReader reader;

	OwnerOnlyTraces(JsonMapper json) {
		this.json = json;
		this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

	/**
	 * The answer as the caller may read it; parsed only when it may not read traces, and
	 * then whatever type it is labelled: one that cannot be read as JSON is refused, not
	 * passed on, as it might carry a trace the check could not see.
	 */
	ResponseEntity<byte[]> forCaller(Caller caller, ResponseEntity<byte[]> answer) {
		if (caller.readsTraces() || !answer.getStatusCode().is2xxSuccessful() || isEmpty(answer.getBody())) {
			return answer;
		}
		JsonNode body;
		try {
			body = this.reader.readTree(answer.getBody());
		}
		catch (JacksonException ex) {
			throw Rejection.of(Rejection.Reason.UPSTREAM_REFUSED,
					"deployment-service's answer could not be read as JSON: a fault of the installation");
		}
		if (!(body instanceof ObjectNode members) || !members.has(TRACE)) {
			return answer;
		}
		members.remove(TRACE);
		return rewritten(answer, this.json.writeValueAsBytes(members));
	}

	private static boolean isEmpty(byte[] body) {
		return body == null || body.length == 0;
	}

	private static ResponseEntity<byte[]> rewritten(ResponseEntity<byte[]> answer, byte[] body) {
		// The new body is counted when it is written.
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.headers((headers) -> headers.remove(HttpHeaders.CONTENT_LENGTH))
			.body(body);
	}

}
