package dev.flowgate.deployments.domain.flow;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.dashjoin.jsonata.Jsonata;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.flowrules.InputNesting;
import dev.flowgate.flowrules.InputType;
import dev.flowgate.flowrules.NodeType;

/** Each node type's required settings, value types, and unique input and output names. */
final class NodeConfigRules implements FlowRule {

	private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

	private static final double MAX_TEMPERATURE = 2.0;

	/**
	 * The runner reads the timeout in whole milliseconds; one that rounds to none falls
	 * back to its default.
	 */
	private static final double MIN_TIMEOUT_SECONDS = 0.001;

	/**
	 * Tries of one node per run: enough for a flaky call, not enough to hammer a server
	 * until the deadline (and within the runner's int).
	 */
	private static final int MAX_ATTEMPTS = 10;

	// Optional llm settings the runner reads as text.
	private static final List<String> LLM_TEXTS = List.of("system", "baseUrl");

	@Override
	public void check(FlowGraph graph, List<FlowProblem> problems) {
		Set<String> inputNames = new HashSet<>();
		Set<String> outputNames = new HashSet<>();
		for (FlowNode node : graph.nodes().values()) {
			Optional<NodeType> type = NodeType.of(node.type());
			if (type.isEmpty()) {
				continue;
			}
			Problems found = new Problems(node.id(), problems);
			NodeConfig config = new NodeConfig(node.config());
			checkCommon(config, found);
			switch (type.get()) {
				case INPUT -> checkInput(node, config, inputNames, found);
				case TEMPLATE -> found.requireText(config, "template");
				case LLM -> checkLlm(config, found);
				case HTTP -> checkHttp(config, found);
				case TRANSFORM, CONDITION -> checkExpression(config, found);
				case FILE -> checkFile(config, found);
				case OUTPUT -> checkOutput(config, outputNames, found);
			}
		}
	}

	private void checkCommon(NodeConfig config, Problems found) {
		if (config.has("timeoutSeconds") && !(config.isNumber("timeoutSeconds")
				&& ((Number) config.get("timeoutSeconds")).doubleValue() >= MIN_TIMEOUT_SECONDS)) {
			found.add("timeoutSeconds must be a number of at least 0.001 (one millisecond)");
		}
		if (config.has("retry") && !(config.get("retry") instanceof Map)) {
			found.add("retry must be an object: {\"maxAttempts\": ..., \"backoffMillis\": ...}");
		}
		else if (config.has("retry")) {
			NodeConfig retry = config.nested("retry");
			if (retry.has("maxAttempts") && !retry.isWholeNumberFromTo("maxAttempts", 1, MAX_ATTEMPTS)) {
				found.add("retry.maxAttempts must be a whole number from 1 to " + MAX_ATTEMPTS);
			}
			if (retry.has("backoffMillis") && !retry.isWholeNumberAtLeast("backoffMillis", 0)) {
				found.add("retry.backoffMillis must be a whole number of at least 0");
			}
		}
	}

	private void checkInput(FlowNode node, NodeConfig config, Set<String> inputNames, Problems found) {
		if (config.has("name") && config.text("name") == null) {
			found.add("name must be a non-blank string (it defaults to the node id)");
		}
		String name = (config.text("name") != null) ? config.text("name") : node.id();
		if (!inputNames.add(name)) {
			found.add("another input node is already named '%s'".formatted(name));
		}
		Optional<InputType> type = config.has("inputType") ? InputType.of(config.text("inputType"))
				: Optional.of(InputType.TEXT);
		if (type.isEmpty()) {
			found.add("inputType must be one of text, number, boolean, json, file_url");
		}
		if (config.has("required") && !(config.get("required") instanceof Boolean)) {
			found.add("required must be true or false");
		}
		if (type.isPresent() && config.has("testValue") && !type.get().accepts(config.get("testValue"))) {
			found.add("testValue does not match inputType '%s'".formatted(type.get().token()));
		}
		if (InputNesting.isTooDeep(config.get("testValue"))) {
			// A trigger could not send it.
			found.add("testValue " + InputNesting.TOO_DEEP);
		}
	}

	private void checkLlm(NodeConfig config, Problems found) {
		found.requireText(config, "model");
		found.requireText(config, "prompt");
		for (String optional : LLM_TEXTS) {
			if (config.has(optional) && !(config.get(optional) instanceof String)) {
				found.add(optional + " must be a string");
			}
		}
		if (config.has("temperature")
				&& !(config.isNumber("temperature") && ((Number) config.get("temperature")).doubleValue() >= 0
						&& ((Number) config.get("temperature")).doubleValue() <= MAX_TEMPERATURE)) {
			found.add("temperature must be a number from 0 to 2");
		}
		if (config.has("maxTokens") && !config.isWholeNumberAtLeast("maxTokens", 1)) {
			found.add("maxTokens must be a whole number of at least 1");
		}
		if (config.has("responseFormat") && !isResponseFormat(config.get("responseFormat"))) {
			found.add("responseFormat must be \"text\", \"json\" or {\"type\": \"json_schema\", "
					+ "\"json_schema\": {\"name\": ..., \"schema\": {...}}}");
		}
	}

	/** OpenAI's response formats: plain text, any JSON object, or JSON after a schema. */
	private static boolean isResponseFormat(Object format) {
		if ("text".equals(format) || "json".equals(format)) {
			return true;
		}
		return format instanceof Map<?, ?> map && "json_schema".equals(map.get("type"))
				&& map.get("json_schema") instanceof Map<?, ?> schema && schema.get("name") instanceof String name
				&& !name.isBlank() && schema.get("schema") instanceof Map;
	}

	private void checkHttp(NodeConfig config, Problems found) {
		found.requireText(config, "url");
		String method = config.text("method");
		if (config.has("method") && (method == null || !HTTP_METHODS.contains(method.toUpperCase(Locale.ROOT)))) {
			found.add("method must be one of " + String.join(", ", HTTP_METHODS.stream().sorted().toList()));
		}
		if (config.has("headers") && !(config.get("headers") instanceof Map)) {
			found.add("headers must be an object of header names to values");
		}
	}

	private void checkExpression(NodeConfig config, Problems found) {
		found.requireText(config, "expression");
		if (config.text("expression") != null) {
			try {
				Jsonata.jsonata(config.text("expression"));
			}
			catch (RuntimeException ex) {
				found.add("expression is not valid JSONata: " + ex.getMessage());
			}
			catch (StackOverflowError ex) {
				// The parser recurses per nesting level; thousands of "(" overflow it.
				found.add("expression is not valid JSONata: it nests too deeply");
			}
		}
	}

	private void checkFile(NodeConfig config, Problems found) {
		found.requireText(config, "url");
		if (config.has("maxBytes") && !config.isWholeNumberAtLeast("maxBytes", 1)) {
			found.add("maxBytes must be a whole number of at least 1");
		}
	}

	private void checkOutput(NodeConfig config, Set<String> outputNames, Problems found) {
		String name = config.text("name");
		found.requireText(config, "name");
		if (name != null && !outputNames.add(name)) {
			found.add("another output node is already named '%s'".formatted(name));
		}
	}

	/** The problems of one node. */
	private record Problems(String nodeId, List<FlowProblem> problems) {

		void add(String message) {
			this.problems.add(new FlowProblem(this.nodeId, message));
		}

		void requireText(NodeConfig config, String key) {
			if (config.has(key) && !(config.get(key) instanceof String)) {
				add(key + " must be a string");
			}
			else if (config.text(key) == null) {
				add(key + " is required");
			}
		}

	}

}
