package dev.flowgate.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A copy of an OpenAPI document whose object schemas are closed for checking answers: a
 * member that an object's {@code properties} do not name is a mismatch. The published
 * document stays open, so that clients may ignore members added later; the checker holds
 * the services to what it describes.
 * <p>
 * Each schema that lists {@code properties} gets {@code additionalProperties: false},
 * unless it says {@code additionalProperties} or {@code unevaluatedProperties} itself (a
 * free-form map such as {@code output_data}); an object that lists no properties (just
 * {@code type: object}) stays free-form. An {@code allOf} of object schemas is first
 * merged into one schema with the properties and required members of all its parts, since
 * closing each part would refuse the others' members; the parts themselves are left as
 * they are (a component used in {@code allOf} is still closed where it is used alone).
 * The alternatives of {@code oneOf} and {@code anyOf} are closed each: every one
 * describes a whole answer. An {@code allOf} that cannot be merged so is refused, rather
 * than checked wrongly.
 */
final class ClosedSchemas {

	private static final List<String> OPERATIONS = OpenApiContract.METHODS;

	private static final Set<String> OWN_RULE = Set.of("additionalProperties", "unevaluatedProperties");

	/** What a part of a mergeable {@code allOf} may say. */
	private static final Set<String> MERGEABLE = Set.of("type", "required", "properties", "description", "title",
			"$ref", "allOf");

	/** Deeper than any document nests its references, short of a cycle. */
	private static final int MAX_DEPTH = 32;

	private final JsonNode document;

	private ClosedSchemas(JsonNode document) {
		this.document = document;
	}

	/** The document with its object schemas closed. */
	static JsonNode close(JsonNode document) {
		ClosedSchemas closer = new ClosedSchemas(document.deepCopy());
		// Merged from the parts as published, before any of them is closed.
		closer.eachSchema((schema) -> closer.mergeAllOf(schema, 0));
		closer.eachSchema(ClosedSchemas::closeObject);
		return closer.document;
	}

	/** Every schema of the answers and the components, inner ones before outer ones. */
	private void eachSchema(SchemaAction action) {
		for (JsonNode pathItem : this.document.path("paths").values()) {
			for (String method : OPERATIONS) {
				pathItem.path(method)
					.path("responses")
					.values()
					.forEach((response) -> responseSchemas(response, action));
			}
		}
		JsonNode components = this.document.path("components");
		components.path("responses").values().forEach((response) -> responseSchemas(response, action));
		components.path("schemas").values().forEach((schema) -> walk(schema, action));
	}

	private static void responseSchemas(JsonNode response, SchemaAction action) {
		response.path("content").values().forEach((mediaType) -> walk(mediaType.path("schema"), action));
	}

	private static void walk(JsonNode schema, SchemaAction action) {
		if (!(schema instanceof ObjectNode object)) {
			return;
		}
		object.path("properties").values().forEach((property) -> walk(property, action));
		object.path("patternProperties").values().forEach((property) -> walk(property, action));
		object.path("prefixItems").values().forEach((item) -> walk(item, action));
		List.of("items", "additionalProperties", "unevaluatedProperties")
			.forEach((keyword) -> walk(object.path(keyword), action));
		List.of("allOf", "oneOf", "anyOf")
			.forEach((keyword) -> object.path(keyword).values().forEach((part) -> walk(part, action)));
		action.apply(object);
	}

	private static void closeObject(ObjectNode schema) {
		if (schema.has("properties") && OWN_RULE.stream().noneMatch(schema::has)) {
			schema.put("additionalProperties", false);
		}
	}

	/** Replaces an {@code allOf} by one schema with the members of all its parts. */
	private void mergeAllOf(ObjectNode schema, int depth) {
		if (!schema.has("allOf")) {
			return;
		}
		ObjectNode properties = schema.objectNode();
		Set<String> required = new LinkedHashSet<>();
		for (JsonNode part : parts(schema, depth)) {
			part.path("properties").properties().forEach((property) -> {
				JsonNode known = properties.get(property.getKey());
				if (known != null && !known.equals(property.getValue())) {
					throw unmergeable(schema, "two parts describe " + property.getKey() + " differently");
				}
				properties.set(property.getKey(), property.getValue().deepCopy());
			});
			part.path("required").values().forEach((name) -> required.add(name.asString()));
		}
		schema.remove(List.of("allOf", "$ref"));
		if (!schema.has("type")) {
			schema.put("type", "object");
		}
		schema.set("properties", properties);
		if (!required.isEmpty()) {
			ArrayNode names = schema.putArray("required");
			required.forEach(names::add);
		}
	}

	/** The schema itself and each part of its {@code allOf}, references followed. */
	private List<JsonNode> parts(JsonNode schema, int depth) {
		if (depth > MAX_DEPTH) {
			throw unmergeable(schema, "its references nest too deep");
		}
		List<JsonNode> parts = new ArrayList<>();
		schema.propertyNames()
			.stream()
			.filter((keyword) -> !MERGEABLE.contains(keyword))
			.findFirst()
			.ifPresent((keyword) -> {
				throw unmergeable(schema, "a part says " + keyword);
			});
		parts.add(schema);
		JsonNode ref = schema.path("$ref");
		if (ref.isString()) {
			if (!ref.asString().startsWith("#/")) {
				throw unmergeable(schema, "a part refers outside the document");
			}
			parts.addAll(parts(this.document.at(ref.asString().substring(1)), depth + 1));
		}
		for (JsonNode part : schema.path("allOf").values()) {
			parts.addAll(parts(part, depth + 1));
		}
		return parts;
	}

	private static IllegalStateException unmergeable(JsonNode schema, String why) {
		return new IllegalStateException("Cannot close an allOf (" + why + "): " + schema);
	}

	@FunctionalInterface
	private interface SchemaAction {

		void apply(ObjectNode schema);

	}

}
