package dev.flowgate.deployments.persistence;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores caller-defined JSON (flow configs, execution inputs, outputs and traces) as
 * text: its keys may contain dots or start with {@code $}, which MongoDB field names must
 * not, and nobody queries inside it. It is read leniently, unlike a request body: an
 * older version may have written members this one no longer has.
 */
@Component
class JsonText {

	private final JsonMapper mapper;

	private final ObjectReader reader;

	JsonText(JsonMapper mapper) {
		this.mapper = mapper;
		this.reader = mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	String write(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	<T> T read(String json, Class<T> type) {
		return (json != null) ? this.reader.forType(type).readValue(json) : null;
	}

	<T> T read(String json, TypeReference<T> type) {
		return (json != null) ? this.reader.forType(type).readValue(json) : null;
	}

}
