package dev.flowgate.runner.domain.node.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request of an http, file or llm node. Headers a flow sets are checked as a client
 * library would refuse them: a name must be a token, a value a single line, and the
 * headers that frame the message belong to the client.
 *
 * @param body {@code null} for none
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
			"transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

	/**
	 * @throws IllegalArgumentException naming the method or header that cannot be sent
	 */
	public OutboundRequest {
		if (!TOKEN.matcher(method).matches() || "CONNECT".equalsIgnoreCase(method)) {
			throw new IllegalArgumentException("illegal method \"%s\"".formatted(method));
		}
		headers.forEach(OutboundRequest::check);
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	public static OutboundRequest get(URI uri) {
		return new OutboundRequest("GET", uri, Map.of(), null);
	}

	private static void check(String name, String value) {
		if (!TOKEN.matcher(name).matches()) {
			throw new IllegalArgumentException("invalid header name: \"%s\"".formatted(name));
		}
		if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException("restricted header name: \"%s\"".formatted(name));
		}
		if (value.chars().anyMatch((c) -> c == '\r' || c == '\n' || c == 0)) {
			throw new IllegalArgumentException("invalid header value for \"%s\"".formatted(name));
		}
	}

}
