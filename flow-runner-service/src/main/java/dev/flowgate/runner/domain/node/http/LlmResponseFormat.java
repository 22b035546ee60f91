package dev.flowgate.runner.domain.node.http;

import java.util.Map;

import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.NodeFailedException;
import tools.jackson.core.JacksonException;

/**
 * What an llm node asks the model to answer in ({@code responseFormat}): text, any JSON
 * object ({@code "json"}), or JSON following a schema (OpenAI's own {@code {"type":
 * "json_schema", "json_schema": {...}}}, passed on as it is).
 */
final class LlmResponseFormat {

	static final String SETTING = "responseFormat";

	private static final LlmResponseFormat TEXT = new LlmResponseFormat(null);

	private static final int QUOTED_CHARS = 200;

	private static final String FENCE = "```";

	private final Object request;

	private LlmResponseFormat(Object request) {
		this.request = request;
	}

	static LlmResponseFormat of(Object setting) {
		if (setting == null || "text".equals(setting)) {
			return TEXT;
		}
		if ("json".equals(setting)) {
			return new LlmResponseFormat(Map.of("type", "json_object"));
		}
		if (setting instanceof Map<?, ?> format && "json_schema".equals(format.get("type"))
				&& format.get("json_schema") instanceof Map) {
			return new LlmResponseFormat(format);
		}
		throw NodeFailedException.permanent(
				"responseFormat must be \"text\", \"json\" or {\"type\": \"json_schema\", \"json_schema\": {...}}");
	}

	boolean isJson() {
		return this.request != null;
	}

	/** Adds {@code response_format} to a chat completions request that asks for JSON. */
	void addTo(Map<String, Object> requestBody) {
		if (this.request != null) {
			requestBody.put("response_format", this.request);
		}
	}

	/**
	 * The answer as JSON. A model that wraps it in a Markdown code fence anyway is
	 * forgiven; one that answers something else fails the attempt (another may do
	 * better).
	 */
	Object parse(String answer, JsonCodec json) {
		try {
			return json.read(withoutFence(answer.strip()));
		}
		catch (JacksonException ex) {
			String quoted = (answer.length() > QUOTED_CHARS) ? answer.substring(0, QUOTED_CHARS) + "…" : answer;
			throw new NodeFailedException("the LLM's answer is not the JSON asked for: " + quoted);
		}
	}

	private static String withoutFence(String answer) {
		if (!answer.startsWith(FENCE) || !answer.endsWith(FENCE) || answer.length() < 2 * FENCE.length()) {
			return answer;
		}
		String inner = answer.substring(FENCE.length(), answer.length() - FENCE.length());
		// The fence's language tag ("json") runs up to the first line break.
		int lineBreak = inner.indexOf('\n');
		return (lineBreak >= 0) ? inner.substring(lineBreak + 1) : inner;
	}

}
