package dev.flowgate.deployments.domain.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds ordered JSON objects, so the document reads in a sensible order. */
final class Json {

	private Json() {
	}

	/** An object from alternating keys and values. */
	static Map<String, Object> object(Object... keysAndValues) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			object.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return object;
	}

	static Map<String, Object> ref(String schema) {
		return object("$ref", "#/components/schemas/" + schema);
	}

	static Map<String, Object> jsonContent(Map<String, Object> schema) {
		return object("application/json", object("schema", schema));
	}

}
