package dev.flowgate.deployments.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON body in one form for all its spellings: members sorted by name, no whitespace. A
 * client that sends a retry with its members in another order (a map re-serialized) still
 * sends the same request. Values are kept as written: {@code 1} and {@code 1.0}, or a
 * {@code null} member and a missing one, stay different requests.
 */
final class CanonicalBody {

	private final JsonMapper mapper;

	CanonicalBody(JsonMapper mapper) {
		this.mapper = mapper.rebuild().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
	}

	/** The canonical form of a JSON body; any other body as it is. */
	byte[] of(byte[] body) {
		try {
			return this.mapper.writeValueAsBytes(this.mapper.readTree(body));
		}
		catch (JacksonException notJson) {
			// Refused with a 400 on its way, which no repeat gets again.
			return body;
		}
	}

}
