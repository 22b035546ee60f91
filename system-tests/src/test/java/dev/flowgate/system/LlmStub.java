package dev.flowgate.system;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Received;
import dev.flowgate.infra.test.HttpStub.Reply;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible chat completions server ({@code POST /v1/chat/completions}) that
 * the shared stack's runner uses as its platform LLM ({@code FLOWGATE_LLM_BASE_URL}). It
 * answers {@code "Stub answer: <last user message>"} with fixed token counts, so tests
 * can check both the text and the usage figures.
 */
public final class LlmStub implements AutoCloseable {

	public static final long PROMPT_TOKENS = 12;

	public static final long COMPLETION_TOKENS = 5;

	public static final String ANSWER_PREFIX = "Stub answer: ";

	private static final int KEY_BYTES = 16;

	private final HttpStub server;

	/** The runner's LLM API key: a secret that must reach this server and no log. */
	private final String apiKey;

	private LlmStub(HttpStub server, String apiKey) {
		this.server = server;
		this.apiKey = apiKey;
	}

	public static LlmStub start() {
		byte[] random = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(random);
		HttpStub server = HttpStub.start()
			.on("/v1/chat/completions", (request) -> Reply.json(200, Api.JSON.writeValueAsString(complete(request))));
		return new LlmStub(server, "llm-test-" + HexFormat.of().formatHex(random));
	}

	/** The environment that points the runner at this server. */
	public Map<String, String> serviceEnv() {
		return Map.of("FLOWGATE_LLM_BASE_URL", this.server.baseUrl(), "FLOWGATE_LLM_API_KEY", this.apiKey);
	}

	public String apiKey() {
		return this.apiKey;
	}

	public List<Received> received() {
		return this.server.received();
	}

	/** The last user message of a received request. */
	public static String prompt(Received request) {
		JsonNode messages = Api.JSON.readTree(request.body()).get("messages");
		return messages.get(messages.size() - 1).get("content").asString();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private static Object complete(Received request) {
		JsonNode body = Api.JSON.readTree(request.body());
		Map<String, Object> message = Map.of("role", "assistant", "content", ANSWER_PREFIX + prompt(request));
		return Map.of("id", "chatcmpl-stub", "object", "chat.completion", "model", body.get("model").asString(),
				"choices", List.of(Map.of("index", 0, "message", message, "finish_reason", "stop")), "usage",
				Map.of("prompt_tokens", PROMPT_TOKENS, "completion_tokens", COMPLETION_TOKENS, "total_tokens",
						PROMPT_TOKENS + COMPLETION_TOKENS));
	}

}
