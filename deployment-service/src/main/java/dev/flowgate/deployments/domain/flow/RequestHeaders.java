package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.flowgate.templates.Placeholders;
import dev.flowgate.templates.Placeholders.Placeholder;

/**
 * The header names and values flow-runner-service refuses to send, or would send as
 * Java's text of them ({@code null}, an object). Its {@code OutboundRequest} is the
 * source of truth: these rules copy its checks so that a flow that would fail every run
 * is refused when it is saved.
 */
final class RequestHeaders {

	/** An HTTP token (RFC 9110), as the runner's {@code OutboundRequest.TOKEN}. */
	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	/** The runner's {@code OutboundRequest.RESTRICTED}: they frame the message. */
	private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
			"transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

	private static final String TEMPLATED_NAME = "headers: '%s' is not a valid header name: "
			+ "names cannot hold {{…}} placeholders, only values can";

	private static final String INVALID_NAME = "headers: '%s' is not a valid header name: "
			+ "it may hold only letters, digits and !#$%%&'*+-.^_`|~";

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
		else if (!TOKEN.matcher(name).matches()) {
			problems.add(INVALID_NAME.formatted(name));
		}
		else if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
			problems.add(RESTRICTED_NAME.formatted(name));
		}
		if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
			// The runner would send String.valueOf of it: "null", "{a=b}".
			problems.add(NOT_SCALAR.formatted(name));
		}
		else if (breaksLine(literal(String.valueOf(value)))) {
			problems.add(BROKEN_VALUE.formatted(name));
		}
		return problems;
	}

	/**
	 * The value's own text, without its placeholders, whose results are only known when
	 * the flow runs (the runner renders the value as {@code String.valueOf} of it).
	 */
	private static String literal(String template) {
		StringBuilder literal = new StringBuilder();
		int end = 0;
		for (Placeholder placeholder : Placeholders.in(template)) {
			literal.append(template, end, placeholder.start());
			end = placeholder.end();
		}
		return literal.append(template, end, template.length()).toString();
	}

	private static boolean breaksLine(String text) {
		return text.chars().anyMatch((c) -> c == '\r' || c == '\n' || c == 0);
	}

}
