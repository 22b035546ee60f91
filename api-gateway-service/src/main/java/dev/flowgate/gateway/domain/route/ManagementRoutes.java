package dev.flowgate.gateway.domain.route;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The management API's routing table (docs/architecture.md): which service owns a method
 * and path, and how the call is authenticated. HEAD goes wherever GET goes, under the
 * same rules (RFC 9110: HEAD is GET without the body).
 */
public final class ManagementRoutes {

	private static final String ANY = null;

	private static final String GET = "GET";

	private static final String HEAD = "HEAD";

	/**
	 * What a catch-all route lists in an {@code Allow}; it forwards any method, and the
	 * service behind it answers each.
	 */
	private static final List<String> EVERY_METHOD = List.of(GET, HEAD, "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private record Rule(String method, String pattern, Route route) {

		boolean takes(String requestMethod) {
			return this.method == null || methods().contains(requestMethod);
		}

		List<String> methods() {
			if (this.method == null) {
				return EVERY_METHOD;
			}
			return this.method.equals(GET) ? List.of(GET, HEAD) : List.of(this.method);
		}

		private boolean matchesPath(String[] segments) {
			String[] parts = this.pattern.split("/");
			boolean tail = parts[parts.length - 1].equals("**");
			int fixed = tail ? parts.length - 1 : parts.length;
			if (tail ? segments.length < fixed : segments.length != fixed) {
				return false;
			}
			for (int i = 0; i < fixed; i++) {
				boolean wildcard = parts[i].equals("*");
				if (wildcard ? segments[i].isEmpty() : !parts[i].equals(segments[i])) {
					return false;
				}
			}
			return true;
		}

	}

	// First match wins, so specific rules come before the broad ones.
	private static final List<Rule> RULES = List.of(rule(GET, "v1/owners", Upstream.KEY_SERVICE, Access.ADMIN),
			rule("POST", "v1/owners", Upstream.KEY_SERVICE, Access.ADMIN),
			rule(GET, "v1/owners/*", Upstream.KEY_SERVICE, Access.ADMIN),
			rule("DELETE", "v1/owners/*", Upstream.KEY_SERVICE, Access.ADMIN),
			rule("POST", "v1/owners/*/keys", Upstream.KEY_SERVICE, Access.ADMIN),
			rule("POST", "v1/owners/*/keys/deactivate", Upstream.KEY_SERVICE, Access.ADMIN),
			rule(ANY, "v1/keys/**", Upstream.KEY_SERVICE, Access.MANAGE),
			rule("GET", "v1/executions/*/deliveries", Upstream.DELIVERY_SERVICE, Access.MANAGE),
			rule("GET", "v1/executions/*", Upstream.DEPLOYMENT_SERVICE, Access.RUN),
			rule("POST", "v1/executions/*/cancel", Upstream.DEPLOYMENT_SERVICE, Access.RUN),
			rule(ANY, "v1/executions/**", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE),
			rule(ANY, "v1/flows/**", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE),
			rule(ANY, "v1/deployments/**", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE),
			rule("GET", "v1/usage", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE),
			rule("GET", "v1/usage/series", Upstream.DEPLOYMENT_SERVICE, Access.MANAGE),
			rule(ANY, "v1/deliveries/**", Upstream.DELIVERY_SERVICE, Access.MANAGE),
			rule(ANY, "v1/callbacks/**", Upstream.DELIVERY_SERVICE, Access.MANAGE),
			rule(ANY, "v1/webhook-secret/**", Upstream.DELIVERY_SERVICE, Access.MANAGE));

	// Served by the gateway itself beside what it forwards there: named in each Allow.
	private static final List<Rule> GATEWAYS_OWN = List.of(new Rule("POST", "v1/deployments/*/executions", null));

	private ManagementRoutes() {
	}

	/**
	 * The route for a request, empty when no service owns it.
	 * @param path the request path, starting with {@code /}
	 */
	public static Optional<Route> resolve(String method, String path) {
		return rulesAt(path).filter((rule) -> rule.takes(method)).map(Rule::route).findFirst();
	}

	/**
	 * The methods some route takes at a path, for the {@code Allow} of a 405 when the
	 * request's method is not among them, in table order; empty when no route has the
	 * path (a 404).
	 * @param path the request path, starting with {@code /}
	 */
	public static Set<String> allowedMethods(String path) {
		return rulesAt(path).flatMap((rule) -> rule.methods().stream())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * The methods the gateway serves itself at a path (the native trigger), which the
	 * {@code Allow} of a service's answer for the path leaves out.
	 * @param path the request path, starting with {@code /}
	 */
	public static Set<String> ownMethods(String path) {
		String[] segments = segments(path);
		return GATEWAYS_OWN.stream()
			.filter((rule) -> rule.matchesPath(segments))
			.flatMap((rule) -> rule.methods().stream())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** In table order; none for a path that could escape its route. */
	private static Stream<Rule> rulesAt(String path) {
		String[] segments = segments(path);
		if (Arrays.stream(segments).anyMatch(ManagementRoutes::couldEscape)) {
			return Stream.empty();
		}
		return RULES.stream().filter((rule) -> rule.matchesPath(segments));
	}

	private static String[] segments(String path) {
		String trimmed = path.startsWith("/") ? path.substring(1) : path;
		return trimmed.split("/", -1);
	}

	/**
	 * A segment that could make the service see another path than the one checked here
	 * ({@code ..}, path parameters as in {@code ..;}, encoded slashes or dots).
	 */
	private static boolean couldEscape(String segment) {
		String lower = segment.toLowerCase(Locale.ROOT);
		return lower.equals(".") || lower.equals("..") || lower.contains(";") || lower.contains("%2f")
				|| lower.contains("%5c") || lower.contains("%2e") || lower.contains("\\");
	}

	private static Rule rule(String method, String pattern, Upstream upstream, Access access) {
		return new Rule(method, pattern, new Route(upstream, access));
	}

}
