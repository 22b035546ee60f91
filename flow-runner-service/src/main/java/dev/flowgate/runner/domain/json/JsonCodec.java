package dev.flowgate.runner.domain.json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between JSON text and plain Java values: maps, lists, strings, numbers,
 * booleans and {@code null}. Those are the values flows pass between nodes.
 */
public final class JsonCodec {

	private final JsonMapper mapper = JsonMapper.builder().build();

	public String write(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	public byte[] writeBytes(Object value) {
		return this.mapper.writeValueAsBytes(value);
	}

	/** Parses JSON text; throws {@link JacksonException} when it is not JSON. */
	public Object read(String json) {
		return this.mapper.readValue(json, Object.class);
	}

	/** The parsed value when the text is JSON, otherwise the text itself. */
	public Object readOrText(String text) {
		try {
			return read(text);
		}
		catch (JacksonException ex) {
			return text;
		}
	}

}
