package dev.flowgate.gateway.web.proxy;

import java.util.Optional;

import dev.flowgate.gateway.domain.key.Caller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

	/** The answer as the caller may read it; parsed only when it may not read traces. */
	ResponseEntity<byte[]> forCaller(Caller caller, ResponseEntity<byte[]> answer) {
		if (caller.readsTraces() || !isJsonSuccess(answer)) {
			return answer;
		}
		return withoutTrace(answer.getBody()).map((body) -> rewritten(answer, body)).orElse(answer);
	}

	private static boolean isJsonSuccess(ResponseEntity<byte[]> answer) {
		MediaType type = answer.getHeaders().getContentType();
		return answer.getStatusCode().is2xxSuccessful() && answer.getBody() != null && type != null
				&& MediaType.APPLICATION_JSON.isCompatibleWith(type);
	}

	/** Empty when there is no trace to remove: the bytes then go on untouched. */
	private Optional<byte[]> withoutTrace(byte[] body) {
		try {
			JsonNode execution = this.reader.readTree(body);
			if (!(execution instanceof ObjectNode members) || !members.has(TRACE)) {
				return Optional.empty();
			}
			members.remove(TRACE);
			return Optional.of(this.json.writeValueAsBytes(members));
		}
		catch (JacksonException ex) {
			// Not JSON after all: no execution, and no trace anyone could read.
			return Optional.empty();
		}
	}

	private static ResponseEntity<byte[]> rewritten(ResponseEntity<byte[]> answer, byte[] body) {
		// The new body is counted when it is written.
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.headers((headers) -> headers.remove(HttpHeaders.CONTENT_LENGTH))
			.body(body);
	}

}
