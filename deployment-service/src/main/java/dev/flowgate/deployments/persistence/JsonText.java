package dev.flowgate.deployments.persistence;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores caller-defined JSON (flow configs, execution inputs, outputs and traces) as
 * text: its keys may contain dots or start with {@code $}, which MongoDB field names must
 * not, and nobody queries inside it.
 */
@Component
class JsonText {

	private final JsonMapper mapper;

	JsonText(JsonMapper mapper) {
		this.mapper = mapper;
	}

	String write(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	<T> T read(String json, Class<T> type) {
		return (json != null) ? this.mapper.readValue(json, type) : null;
	}

	<T> T read(String json, TypeReference<T> type) {
		return (json != null) ? this.mapper.readValue(json, type) : null;
	}

}
