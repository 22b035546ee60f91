package dev.flowgate.runner.domain.node.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.flowrules.HeaderRules;

/**
 * A request of an http, file or llm node. Headers a flow sets are checked as a client
 * library would refuse them: a name must be a token, a value a single line, and the
 * headers that frame the message belong to the client.
 *
 * @param body {@code null} for none
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

	/**
	 * @throws IllegalArgumentException naming the method or header that cannot be sent
	 */
	public OutboundRequest {
		if (!HeaderRules.isToken(method) || "CONNECT".equalsIgnoreCase(method)) {
			throw new IllegalArgumentException("illegal method \"%s\"".formatted(method));
		}
		headers.forEach(OutboundRequest::check);
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	public static OutboundRequest get(URI uri) {
		return new OutboundRequest("GET", uri, Map.of(), null);
	}

	private static void check(String name, String value) {
		if (!HeaderRules.isToken(name)) {
			throw new IllegalArgumentException("invalid header name: \"%s\"".formatted(name));
		}
		if (HeaderRules.isRestricted(name)) {
			throw new IllegalArgumentException("restricted header name: \"%s\"".formatted(name));
		}
		if (HeaderRules.breaksLine(value)) {
			throw new IllegalArgumentException("invalid header value for \"%s\"".formatted(name));
		}
	}

}
