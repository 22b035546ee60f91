package dev.flowgate.deployments.web;

import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;

/**
 * The members of a JSON object a request keeps as JSON, read as their types: absent or
 * {@code null} is {@code null}, another type a problem named by its path
 * ({@code delivery.email}). Unknown members are ignored, as in the rest of the body.
 */
final class JsonMembers {

	private final String path;

	private final JsonNode object;

	private final List<FieldProblem> problems;

	JsonMembers(String path, JsonNode object, List<FieldProblem> problems) {
		this.path = path;
		this.object = object;
		this.problems = problems;
	}

	String text(String name) {
		JsonNode value = this.object.path(name);
		if (isNone(value)) {
			return null;
		}
		if (!value.isString()) {
			return refuse(name, "must be a string, or null");
		}
		return value.asString();
	}

	Boolean flag(String name) {
		JsonNode value = this.object.path(name);
		if (isNone(value)) {
			return null;
		}
		if (!value.isBoolean()) {
			return refuse(name, "must be true or false");
		}
		return value.booleanValue();
	}

	Integer wholeNumber(String name) {
		JsonNode value = this.object.path(name);
		if (isNone(value)) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			return refuse(name, "must be a whole number, or null");
		}
		return value.intValue();
	}

	private static boolean isNone(JsonNode value) {
		return value.isMissingNode() || value.isNull();
	}

	private <T> T refuse(String name, String message) {
		this.problems.add(new FieldProblem(this.path + "." + name, message));
		return null;
	}

}
