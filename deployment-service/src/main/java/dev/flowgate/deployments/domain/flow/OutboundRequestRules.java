package dev.flowgate.deployments.domain.flow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.flowrules.NodeType;
import dev.flowgate.flowrules.Placeholders.Template;
import dev.flowgate.flowrules.Placeholders;

/**
 * What flow-runner-service would refuse in every request a node makes, so that such a
 * flow is not saved only to fail each run: a fixed URL (one without placeholders) that is
 * not an absolute http(s) URL with a host (the runner's {@code OutboundHttp}), a URL
 * whose fixed start rules that out whatever its placeholders hold, or whose own text
 * holds a character no URL may (the runner parses the rendered text as it is), and
 * headers it would not send ({@link RequestHeaders}).
 */
final class OutboundRequestRules implements FlowRule {

	/** The URLs a flow itself supplies; an llm node's default comes from the runner. */
	private static final Map<NodeType, String> URL_FIELDS = Map.of(NodeType.HTTP, "url", NodeType.FILE, "url",
			NodeType.LLM, "baseUrl");

	private static final Set<String> SCHEMES = Set.of("http", "https");

	private static final String NOT_ABSOLUTE = "%s must be an absolute http or https URL with a host, "
			+ "such as https://api.example.com/path";

	/** What {@link URI} takes in no part of a URL, besides control characters. */
	private static final String NEVER_IN_A_URL = " \"<>\\^`{|}";

	private static final String NOT_IN_A_URL = "%s holds '%s' outside its placeholders, which no URL may; "
			+ "write it percent-encoded: %%%02X";

	@Override
	public void check(FlowGraph graph, List<FlowProblem> problems) {
		for (FlowNode node : graph.nodes().values()) {
			Optional<NodeType> type = NodeType.of(node.type());
			if (type.isEmpty()) {
				continue;
			}
			NodeConfig config = new NodeConfig(node.config());
			String field = URL_FIELDS.get(type.get());
			if (field != null && !isUsableUrl(config.text(field))) {
				problems.add(new FlowProblem(node.id(), NOT_ABSOLUTE.formatted(field)));
			}
			else if (field != null) {
				strayCharacter(config.text(field)).ifPresent((character) -> problems
					.add(new FlowProblem(node.id(), NOT_IN_A_URL.formatted(field, character, (int) character))));
			}
			if (type.get() == NodeType.HTTP && config.get("headers") instanceof Map<?, ?> headers) {
				headers.forEach((name, value) -> RequestHeaders.problems(String.valueOf(name), value)
					.forEach((problem) -> problems.add(new FlowProblem(node.id(), problem))));
			}
		}
	}

	/**
	 * A missing URL is reported as required elsewhere, and one with placeholders is only
	 * known at run time but for its fixed start; the rest is parsed as the runner parses
	 * it, escapes undone.
	 */
	private static boolean isUsableUrl(String url) {
		if (url == null) {
			return true;
		}
		Template template = Placeholders.parse(url);
		if (!template.placeholders().isEmpty()) {
			return canStartAnHttpUrl(template.literals().get(0).stripLeading());
		}
		try {
			URI uri = new URI(template.literal().trim());
			return uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * The first character of a URL template's own text that no URL may hold; a fixed URL
	 * with one is not usable already. Space at either end is stripped when it runs.
	 */
	private static Optional<Character> strayCharacter(String url) {
		if (url == null) {
			return Optional.empty();
		}
		List<String> literals = Placeholders.parse(url.strip()).literals();
		return literals.stream()
			.flatMap((literal) -> literal.chars().mapToObj((c) -> (char) c))
			.filter((c) -> Character.isISOControl(c) || NEVER_IN_A_URL.indexOf(c) >= 0)
			.findFirst();
	}

	/**
	 * Whether text before a URL's first placeholder can begin an http(s) URL: it begins
	 * with a scheme and its slashes ({@code https://{{input.host}}/}) or is the start of
	 * one ({@code {{input.base}}/orders}), unlike {@code /orders/{{input.id}}}.
	 */
	private static boolean canStartAnHttpUrl(String fixedStart) {
		String start = fixedStart.toLowerCase(Locale.ROOT);
		return SCHEMES.stream()
			.map((scheme) -> scheme + "://")
			.anyMatch((prefix) -> start.startsWith(prefix) || prefix.startsWith(start));
	}

}
