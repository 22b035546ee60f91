package dev.flowgate.gateway.domain.route;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The management API's routing table (docs/architecture.md): which service owns a method
 * and path, and how the call is authenticated.
 */
public final class ManagementRoutes {

	private static final String ANY = null;

	private record Rule(String method, String pattern, Route route) {

		boolean matches(String requestMethod, String[] segments) {
			return (this.method == null || this.method.equals(requestMethod)) && matchesPath(segments);
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
	private static final List<Rule> RULES = List.of(rule("POST", "v1/owners", Upstream.KEY_SERVICE, Access.ADMIN),
			rule("POST", "v1/owners/*/keys", Upstream.KEY_SERVICE, Access.ADMIN),
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

	private ManagementRoutes() {
	}

	/**
	 * The route for a request, empty when no service owns it.
	 * @param path the request path, starting with {@code /}
	 */
	public static Optional<Route> resolve(String method, String path) {
		String trimmed = path.startsWith("/") ? path.substring(1) : path;
		String[] segments = trimmed.split("/", -1);
		if (Arrays.stream(segments).anyMatch(ManagementRoutes::couldEscape)) {
			return Optional.empty();
		}
		return RULES.stream().filter((rule) -> rule.matches(method, segments)).map(Rule::route).findFirst();
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
