package dev.flowgate.deployments.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.internal.InvalidField;

/**
 * The members of a JSON object a request keeps as JSON, read as their types: absent or
 * {@code null} is {@code null}, another type a problem named by its path
 * ({@code delivery.email}). A member none of the reads asked for is refused by
 * {@link #refuseOthers}, as Jackson refuses one in the rest of the body.
 */
final class JsonMembers {

	private final String path;

	private final JsonNode object;

	private final List<FieldProblem> problems;

	private final Set<String> known = new LinkedHashSet<>();

	JsonMembers(String path, JsonNode object, List<FieldProblem> problems) {
		this.path = path;
		this.object = object;
		this.problems = problems;
	}

	String text(String name) {
		JsonNode value = member(name);
		if (isNone(value)) {
			return null;
		}
		if (!value.isString()) {
			return refuse(name, "must be a string, or null");
		}
		return value.asString();
	}

	Boolean flag(String name) {
		JsonNode value = member(name);
		if (isNone(value)) {
			return null;
		}
		if (!value.isBoolean()) {
			return refuse(name, "must be true or false");
		}
		return value.booleanValue();
	}

	Integer wholeNumber(String name) {
		JsonNode value = member(name);
		if (isNone(value)) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			return refuse(name, "must be a whole number, or null");
		}
		return value.intValue();
	}

	/** Refuses every member that none of the reads before asked for. */
	void refuseOthers() {
		for (String name : this.object.propertyNames()) {
			if (!this.known.contains(name)) {
				InvalidField unknown = InvalidField.unknown(this.path + "." + name, this.known);
				this.problems.add(new FieldProblem(unknown.field(), unknown.message()));
			}
		}
	}

	private JsonNode member(String name) {
		this.known.add(name);
		return this.object.path(name);
	}

	private static boolean isNone(JsonNode value) {
		return value.isMissingNode() || value.isNull();
	}

	private <T> T refuse(String name, String message) {
		this.problems.add(new FieldProblem(this.path + "." + name, message));
		return null;
	}

}
