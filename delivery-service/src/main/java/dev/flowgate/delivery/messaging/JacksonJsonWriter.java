package dev.flowgate.delivery.messaging;

import java.io.Writer;

import dev.flowgate.delivery.domain.JsonWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** JSON for outgoing callbacks and emails, with the application's mapper. */
@Component
class JacksonJsonWriter implements JsonWriter {

	private final JsonMapper mapper;

	JacksonJsonWriter(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public String compact(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	@Override
	public void pretty(Object value, Writer out) {
		this.mapper.writerWithDefaultPrettyPrinter().writeValue(out, value);
	}

}
