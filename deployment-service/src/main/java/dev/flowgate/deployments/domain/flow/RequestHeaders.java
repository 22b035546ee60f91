package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.List;

import dev.flowgate.flowrules.HeaderRules;
import dev.flowgate.flowrules.Placeholders;

/**
 * The header names and values flow-runner-service refuses to send ({@link HeaderRules}),
 * or would send as Java's text of them ({@code null}, an object), so that a flow that
 * would fail every run is refused when it is saved.
 */
final class RequestHeaders {

	private static final String TEMPLATED_NAME = "headers: '%s' is not a valid header name: "
			+ "names cannot hold {{…}} placeholders, only values can";

	private static final String INVALID_NAME = "headers: '%s' is not a valid header name: it may hold only "
			+ HeaderRules.TOKEN_CHARACTERS.replace("%", "%%");

	private static final String RESTRICTED_NAME = "headers: '%s' is set by the HTTP client and cannot be set by a flow";

	private static final String NOT_SCALAR = "headers: the value of '%s' must be a string, number or boolean";

	private static final String BROKEN_VALUE = "headers: the value of '%s' must not contain CR, LF or NUL characters";

	private RequestHeaders() {
	}

	/** What is wrong with one header of a node's {@code headers}; empty when nothing. */
	static List<String> problems(String name, Object value) {
		List<String> problems = new ArrayList<>();
		if (Placeholders.any(name)) {
			// The runner sends names as written; only values are templates.
			problems.add(TEMPLATED_NAME.formatted(name));
		}
		else if (!HeaderRules.isToken(name)) {
			problems.add(INVALID_NAME.formatted(name));
		}
		else if (HeaderRules.isRestricted(name)) {
			problems.add(RESTRICTED_NAME.formatted(name));
		}
		if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
			// The runner would send String.valueOf of it: "null", "{a=b}".
			problems.add(NOT_SCALAR.formatted(name));
		}
		else if (HeaderRules.breaksLine(Placeholders.parse(String.valueOf(value)).literal())) {
			// Its own text: what its placeholders give is known only when the flow runs.
			problems.add(BROKEN_VALUE.formatted(name));
		}
		return problems;
	}

}
