package dev.flowgate.runner.domain.node.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Received;
import dev.flowgate.runner.domain.engine.FlowOutcome;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import dev.flowgate.runner.support.OpenAiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LlmNodeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpStub llm = HttpStub.start();

	private final HttpStub elsewhere = HttpStub.start();

	private final EngineFixture fixture = new EngineFixture(this.llm.url("") + "/");

	LlmNodeTest() {
		OpenAiStub.install(this.llm, EngineFixture.LLM_KEY);
		OpenAiStub.install(this.elsewhere, EngineFixture.LLM_KEY);
	}

	@AfterEach
	void stop() {
		this.fixture.close();
		this.llm.close();
		this.elsewhere.close();
	}

	@Test
	void asksTheConfiguredModelWithThePlatformKeyAndCountsTokens() {
		FlowDefinition flow = Flows.flow()
			.input("question")
			.node("ask", "llm",
					Map.of("model", "gpt-test", "system", "Be brief.", "prompt", "Q: {{input.question}}", "temperature",
							0.2, "maxTokens", 50))
			.output("answer", "{{ask.text}}")
			.edge("question", "ask")
			.edge("ask", "answer")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("question", "What is Kafka?"));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(outcome.outputs())
			.containsExactly(Map.entry("answer", "echo system: Be brief. | user: Q: What is Kafka?"));
		assertThat(outcome.trace().get(1).output())
			.isEqualTo(Map.of("text", "echo system: Be brief. | user: Q: What is Kafka?", "model", "gpt-test", "usage",
					Map.of("prompt_tokens", 9L, "completion_tokens", 10L)));
		assertThat(outcome.trace().get(1).tokenUsage()).isEqualTo(new TokenUsage(9, 10));
		assertThat(outcome.tokenUsage()).isEqualTo(new TokenUsage(9, 10));
		Received request = this.llm.received(OpenAiStub.PATH).get(0);
		assertThat(JsonMapper.builder().build().readValue(request.body(), Map.class)).containsEntry("model", "gpt-test")
			.containsEntry("temperature", 0.2)
			.containsEntry("max_tokens", 50);
	}

	@Test
	void neverSendsThePlatformKeyToAnotherBaseUrl() {
		FlowDefinition flow = Flows.flow()
			.node("ask", "llm", Map.of("baseUrl", this.elsewhere.url(""), "model", "m", "prompt", "hi"))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(this.elsewhere.received(OpenAiStub.PATH)).singleElement()
			.extracting((request) -> request.header("Authorization"))
			.isNull();
		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).isEqualTo("HTTP 401 from the LLM at " + this.elsewhere.url(""));
	}

	@Test
	void takesABaseUrlNamedWithItsApiVersion() {
		FlowDefinition flow = Flows.flow()
			.node("ask", "llm", Map.of("baseUrl", this.llm.url("") + "/v1/", "model", "gpt-test", "prompt", "hi"))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(this.llm.received(OpenAiStub.PATH)).last()
			.extracting((request) -> request.header("Authorization"))
			.isEqualTo("Bearer " + EngineFixture.LLM_KEY);
	}

	@Test
	void reachesThePlatformEndpointOnAPrivateAddressButNoPrivateBaseUrlOfAFlow() {
		FlowDefinition platform = Flows.flow().node("ask", "llm", Map.of("model", "m", "prompt", "hi")).build();
		FlowDefinition own = Flows.flow()
			.node("ask", "llm", Map.of("baseUrl", this.elsewhere.url(""), "model", "m", "prompt", "hi"))
			.build();

		try (EngineFixture strict = new EngineFixture(this.llm.url(""), Set.of(), List.of(), 4096)) {
			assertThat(strict.run(platform, Map.of()).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

			FlowOutcome refused = strict.run(own, Map.of());

			assertThat(refused.status()).isEqualTo(ExecutionStatus.FAILED);
			assertThat(refused.error().message()).startsWith("Host 127.0.0.1 is a loopback address");
			assertThat(this.elsewhere.arrivals(OpenAiStub.PATH)).isEmpty();
		}
	}

	@Test
	void sumsTokenUsageOverSeveralLlmNodes() {
		FlowDefinition flow = Flows.flow()
			.node("one", "llm", Map.of("model", "m", "prompt", "a b"))
			.node("two", "llm", Map.of("model", "m", "prompt", "c"))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.tokenUsage()).isEqualTo(new TokenUsage(3 + 2, 4 + 3));
	}

	@Test
	void asksForJsonAndHandsItOnParsed() {
		Map<String, Object> schema = Map.of("type", "json_schema", "json_schema",
				Map.of("name", "reply", "schema", Map.of("type", "object")));
		FlowDefinition flow = Flows.flow()
			.node("any", "llm", Map.of("model", "m", "prompt", "hi", "responseFormat", "json"))
			.node("typed", "llm", Map.of("model", "m", "prompt", "ho", "responseFormat", schema))
			.output("echo", "{{any.json.echo}}")
			.output("format", "{{typed.json.format}}")
			.edge("any", "echo")
			.edge("typed", "format")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(outcome.outputs()).containsEntry("echo", "user: hi").containsEntry("format", schema);
		assertThat(this.llm.received(OpenAiStub.PATH))
			.extracting((request) -> JSON.readValue(request.body(), Map.class))
			.extracting((body) -> body.get("response_format"))
			.containsExactlyInAnyOrder(Map.of("type", "json_object"), schema);
	}

	@Test
	void takesJsonInACodeFenceButFailsOnAnAnswerThatIsNotJson() {
		this.elsewhere.on(OpenAiStub.PATH, (request) -> HttpStub.Reply.json(200, completion(
				request.body().contains("fenced") ? "```json\n{\"ok\": true}\n```" : "Sure! Here is your JSON: {ok}")));
		FlowDefinition fenced = Flows.flow()
			.node("ask", "llm",
					Map.of("baseUrl", this.elsewhere.url(""), "model", "m", "prompt", "fenced", "responseFormat",
							"json"))
			.output("ok", "{{ask.json.ok}}")
			.edge("ask", "ok")
			.build();
		FlowDefinition prose = Flows.flow()
			.node("ask", "llm",
					Map.of("baseUrl", this.elsewhere.url(""), "model", "m", "prompt", "prose", "responseFormat", "json",
							"retry", Map.of("maxAttempts", 2)))
			.build();

		FlowOutcome fencedOutcome = this.fixture.run(fenced, Map.of());
		FlowOutcome proseOutcome = this.fixture.run(prose, Map.of());

		assertThat(fencedOutcome.outputs()).containsExactly(Map.entry("ok", true));
		assertThat(proseOutcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(proseOutcome.error().message())
			.isEqualTo("the LLM's answer is not the JSON asked for: Sure! Here is your JSON: {ok}");
		assertThat(proseOutcome.trace().get(0).attempts()).isEqualTo(2);
		assertThat(proseOutcome.trace().get(0).tokenUsage()).as("both answers were paid for")
			.isEqualTo(new TokenUsage(2, 2));
		assertThat(proseOutcome.tokenUsage()).isEqualTo(new TokenUsage(2, 2));
	}

	@Test
	void countsTheTokensOfAnAttemptThatFailedBeforeOneThatSucceeded() {
		AtomicInteger answers = new AtomicInteger();
		this.elsewhere.on(OpenAiStub.PATH, (request) -> HttpStub.Reply.json(200,
				completion((answers.incrementAndGet() == 1) ? "Sure! {ok}" : "{\"ok\": true}")));
		FlowDefinition flow = Flows.flow()
			.node("ask", "llm",
					Map.of("baseUrl", this.elsewhere.url(""), "model", "m", "prompt", "hi", "responseFormat", "json",
							"retry", Map.of("maxAttempts", 2, "backoffMillis", 1)))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(outcome.trace().get(0).attempts()).isEqualTo(2);
		assertThat(outcome.trace().get(0).tokenUsage()).isEqualTo(new TokenUsage(2, 2));
	}

	@Test
	void countsTheTokensOfAFailedAttemptWhenTheRunEndsDuringTheNext() {
		AtomicInteger answers = new AtomicInteger();
		this.elsewhere.on(OpenAiStub.PATH,
				(request) -> (answers.incrementAndGet() == 1) ? HttpStub.Reply.json(200, completion("Sure! {ok}"))
						: HttpStub.Reply.json(200, completion("{\"ok\": true}")).after(Duration.ofSeconds(5)));
		FlowDefinition flow = Flows.flow()
			.node("ask", "llm",
					Map.of("baseUrl", this.elsewhere.url(""), "model", "m", "prompt", "hi", "responseFormat", "json",
							"retry", Map.of("maxAttempts", 2, "backoffMillis", 1)))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of(), Instant.now().plusMillis(1500));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
		assertThat(outcome.trace().get(0).attempts()).isEqualTo(2);
		assertThat(outcome.trace().get(0).tokenUsage()).as("the first answer was paid for")
			.isEqualTo(new TokenUsage(1, 1));
		assertThat(outcome.tokenUsage()).isEqualTo(new TokenUsage(1, 1));
	}

	@Test
	void quotesTheStartOfAnAnswerThatIsNotJsonAndDoesNotAskAgain() {
		FlowOutcome outcome = askOnce(HttpStub.Reply.text(200, "<html>\n  <p>Gateway</p>" + "x".repeat(400)));

		assertThat(outcome.error().message()).isEqualTo("the LLM at " + this.elsewhere.url("")
				+ " answered with no JSON: <html> <p>Gateway</p>" + "x".repeat(300 - 21) + "…");
		assertThat(outcome.trace().get(0).attempts()).isEqualTo(1);
	}

	@Test
	void quotesTheErrorAServerSentWithASuccessStatusAndDoesNotAskAgain() {
		FlowOutcome outcome = askOnce(HttpStub.Reply.json(200,
				"{\"error\":{\"message\":\"model 'm' is not loaded\",\"type\":\"invalid_request_error\"}}"));

		assertThat(outcome.error().message())
			.isEqualTo("the LLM at " + this.elsewhere.url("") + " answered with an error: model 'm' is not loaded");
		assertThat(outcome.trace().get(0).attempts()).isEqualTo(1);
	}

	@Test
	void quotesARefusalCountsItsTokensAndDoesNotAskAgain() {
		FlowOutcome outcome = askOnce(HttpStub.Reply.json(200,
				JSON.writeValueAsString(Map.of("model", "m", "choices",
						List.of(Map.of("index", 0, "message", refusal("I can't help with that."))), "usage",
						Map.of("prompt_tokens", 4, "completion_tokens", 6)))));

		assertThat(outcome.error().message())
			.isEqualTo("the LLM at " + this.elsewhere.url("") + " refused: I can't help with that.");
		assertThat(outcome.trace().get(0).attempts()).isEqualTo(1);
		assertThat(outcome.tokenUsage()).isEqualTo(new TokenUsage(4, 6));
	}

	/**
	 * A node that may be tried three times, asking a server that answers {@code reply}.
	 */
	private FlowOutcome askOnce(HttpStub.Reply reply) {
		this.elsewhere.on(OpenAiStub.PATH, (request) -> reply);
		FlowDefinition flow = Flows.flow()
			.node("ask", "llm",
					Map.of("baseUrl", this.elsewhere.url(""), "model", "m", "prompt", "hi", "retry",
							Map.of("maxAttempts", 3)))
			.build();
		FlowOutcome outcome = this.fixture.run(flow, Map.of());
		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		return outcome;
	}

	/** A message with {@code "content": null}, as OpenAI sends with a refusal. */
	private static Map<String, Object> refusal(String refusal) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", "assistant");
		message.put("content", null);
		message.put("refusal", refusal);
		return message;
	}

	@Test
	void refusesAResponseFormatItDoesNotKnow() {
		FlowDefinition flow = Flows.flow()
			.node("ask", "llm", Map.of("model", "m", "prompt", "hi", "responseFormat", "yaml"))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).startsWith("responseFormat must be");
		assertThat(this.llm.arrivals(OpenAiStub.PATH)).isEmpty();
	}

	private static String completion(String content) {
		return JSON.writeValueAsString(Map.of("model", "m", "choices",
				List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content))), "usage",
				Map.of("prompt_tokens", 1, "completion_tokens", 1)));
	}

}
