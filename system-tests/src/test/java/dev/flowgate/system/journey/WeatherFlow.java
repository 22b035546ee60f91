package dev.flowgate.system.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Received;
import dev.flowgate.infra.test.HttpStub.Reply;
import dev.flowgate.system.Api;
import dev.flowgate.system.LlmStub;
import dev.flowgate.system.SystemStack;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey's flow: look up the weather (http node), branch on it (condition node), ask
 * the LLM when it is warm (llm node) or advise staying in when it is cold.
 */
final class WeatherFlow {

	static final int WARM = 24;

	static final int COLD = 4;

	static final String WARM_CITY = "Berlin";

	static final String COLD_CITY = "Oslo";

	private WeatherFlow() {
	}

	/** The stand-in weather API: {@code GET /weather?city=…} → {@code {city, temp}}. */
	static HttpStub startWeatherApi() {
		return HttpStub.start().on("/weather", (request) -> {
			String city = request.query().replace("city=", "");
			return Reply.json(200,
					Api.JSON.writeValueAsString(Map.of("city", city, "temp", WARM_CITY.equals(city) ? WARM : COLD)));
		});
	}

	static Map<String, Object> version1(String weatherApi) {
		return Map.of("name", "weather advice", "description", "Journey system test", "nodes", nodes(weatherApi),
				"edges", edges());
	}

	/** Version 1 plus an output {@code revision}, to tell which version ran. */
	static Map<String, Object> version2(String weatherApi) {
		List<Object> nodes = new ArrayList<>(nodes(weatherApi));
		nodes.add(node("revision", "output", Map.of("name", "revision", "value", "v2")));
		List<Object> edges = new ArrayList<>(edges());
		edges.add(edge("weather", "revision"));
		return Map.of("name", "weather advice", "description", "Journey system test", "nodes", nodes, "edges", edges);
	}

	static String expectedAnswer(String question) {
		return "Stub answer: It is " + WARM + " degrees in " + WARM_CITY + ". " + question;
	}

	/**
	 * The ask node asked the LLM about the question as configured, with the key the
	 * platform set for the LLM server.
	 */
	static void assertLlmAskedWithThePlatformKey(String question) {
		LlmStub llm = SystemStack.sharedLlm();
		Received asked = llm.received()
			.stream()
			.filter((request) -> LlmStub.prompt(request).endsWith(question))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The LLM was not asked about " + question));
		assertThat(asked.header("authorization")).isEqualTo("Bearer " + llm.apiKey());
		JsonNode body = Api.JSON.readTree(asked.body());
		assertThat(body.at("/model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(body.at("/messages/0/content").asString()).isEqualTo("Be brief.");
		assertThat(body.at("/max_tokens").asInt()).isEqualTo(50);
	}

	private static List<Object> nodes(String weatherApi) {
		return List.of(
				node("question", "input",
						Map.of("name", "question", "inputType", "text", "required", true, "testValue", "Picnic?")),
				node("city", "input",
						Map.of("name", "city", "inputType", "text", "required", true, "testValue", WARM_CITY)),
				node("weather", "http", Map.of("method", "GET", "url", weatherApi + "/weather?city={{input.city}}")),
				node("isWarm", "condition", Map.of("expression", "weather.body.temp > 15")),
				node("ask", "llm", Map.of("model", "gpt-4o-mini", "system", "Be brief.", "prompt",
						"It is {{weather.body.temp}} degrees in {{input.city}}. {{input.question}}", "maxTokens", 50)),
				node("stayIn", "template", Map.of("template", "Too cold in {{input.city}}: stay in.")),
				node("answer", "output", Map.of("name", "answer", "value", "{{ask.text}}")),
				node("advice", "output", Map.of("name", "advice", "value", "{{stayIn.text}}")),
				node("temperature", "output", Map.of("name", "temperature", "value", "{{weather.body.temp}}")));
	}

	private static List<Object> edges() {
		return List.of(edge("question", "weather"), edge("city", "weather"), edge("weather", "isWarm"),
				Map.of("from", "isWarm", "to", "ask", "branch", "true"),
				Map.of("from", "isWarm", "to", "stayIn", "branch", "false"), edge("ask", "answer"),
				edge("stayIn", "advice"), edge("weather", "temperature"));
	}

	private static Map<String, Object> node(String id, String type, Map<String, Object> config) {
		return Map.of("id", id, "type", type, "config", config);
	}

	private static Map<String, Object> edge(String from, String to) {
		return Map.of("from", from, "to", to);
	}

}
