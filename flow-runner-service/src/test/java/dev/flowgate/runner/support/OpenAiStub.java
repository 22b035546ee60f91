package dev.flowgate.runner.support;

import java.util.List;
import java.util.Map;

import dev.flowgate.infra.test.HttpStub;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible {@code /v1/chat/completions} on an {@link HttpStub}: it insists on
 * the bearer key and answers with the messages echoed (as {@code {"echo": ...}} when the
 * request asks for JSON with {@code response_format}), and word counts as token usage.
 */
public final class OpenAiStub {

	public static final String PATH = "/v1/chat/completions";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OpenAiStub() {
	}

	public static void install(HttpStub server, String apiKey) {
		server.on(PATH, (request) -> {
			if (!("Bearer " + apiKey).equals(request.header("Authorization"))) {
				return HttpStub.Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");
			}
			return HttpStub.Reply.json(200, JSON.writeValueAsString(answer(request.body())));
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> answer(String requestBody) {
		Map<String, Object> request = JSON.readValue(requestBody, Map.class);
		List<Map<String, Object>> messages = (List<Map<String, Object>>) request.get("messages");
		String prompt = messages.stream()
			.map((message) -> message.get("role") + ": " + message.get("content"))
			.reduce((first, second) -> first + " | " + second)
			.orElse("");
		String content = request.containsKey("response_format")
				? JSON.writeValueAsString(Map.of("echo", prompt, "format", request.get("response_format")))
				: "echo " + prompt;
		return Map.of("id", "chatcmpl-1", "object", "chat.completion", "model", request.get("model"), "choices",
				List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason",
						"stop")),
				"usage", Map.of("prompt_tokens", words(prompt), "completion_tokens", words(content), "total_tokens",
						words(prompt) + words(content)));
	}

	private static int words(String text) {
		return text.isBlank() ? 0 : text.trim().split("\\s+").length;
	}

}
