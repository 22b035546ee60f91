package dev.flowgate.delivery.domain;

import java.io.Writer;

import tools.jackson.databind.json.JsonMapper;

/** JSON for domain tests, as the application writes it. */
public final class TestJson implements JsonWriter {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Override
	public String compact(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	@Override
	public void pretty(Object value, Writer out) {
		this.mapper.writerWithDefaultPrettyPrinter().writeValue(out, value);
	}

}
