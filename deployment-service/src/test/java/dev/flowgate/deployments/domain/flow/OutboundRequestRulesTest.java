package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;

import static dev.flowgate.deployments.domain.flow.FlowValidatorTest.edge;
import static dev.flowgate.deployments.domain.flow.FlowValidatorTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Requests the runner would refuse at every run are refused when the flow is saved. */
class OutboundRequestRulesTest {

	private static final String URL_RULE = "url must be an absolute http or https URL with a host, "
			+ "such as https://api.example.com/path";

	private final FlowValidator validator = new FlowValidator(100, 100);

	@Test
	void refusesRestrictedHeaderName() {
		assertThat(httpProblems(headers("Host", "api.example.com", "content-LENGTH", "12", "Transfer-Encoding",
				"chunked", "Proxy-Connection", "close")))
			.extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactlyInAnyOrder(
					tuple("call", "headers: 'Host' is set by the HTTP client and cannot be set by a flow"),
					tuple("call", "headers: 'content-LENGTH' is set by the HTTP client and cannot be set by a flow"),
					tuple("call", "headers: 'Transfer-Encoding' is set by the HTTP client and cannot be set by a flow"),
					tuple("call", "headers: 'Proxy-Connection' is set by the HTTP client and cannot be set by a flow"));
	}

	@Test
	void refusesHeaderNameThatIsNotAToken() {
		assertThat(httpProblems(headers("X Trace", "1", "Accept:", "*/*", "", "x", "Ünicode", "y")))
			.extracting(FlowProblem::message)
			.containsExactlyInAnyOrder(
					"headers: 'X Trace' is not a valid header name: it may hold only letters, digits and !#$%&'*+-.^_`|~",
					"headers: 'Accept:' is not a valid header name: it may hold only letters, digits and !#$%&'*+-.^_`|~",
					"headers: '' is not a valid header name: it may hold only letters, digits and !#$%&'*+-.^_`|~",
					"headers: 'Ünicode' is not a valid header name: it may hold only letters, digits and !#$%&'*+-.^_`|~");
	}

	@Test
	void refusesPlaceholderInHeaderName() {
		assertThat(httpProblems(headers("X-{{input.question}}", "1"))).extracting(FlowProblem::message)
			.containsExactly("headers: 'X-{{input.question}}' is not a valid header name: "
					+ "names cannot hold {{…}} placeholders, only values can");
	}

	@Test
	void refusesLineBreaksAndNulInLiteralHeaderValues() {
		assertThat(httpProblems(headers("X-Split", "a\r\nSet-Cookie: evil=1", "X-Newline", "a\nb", "X-Nul", "a\u0000b",
				"X-After-Value", "Bearer {{input.question}}\r\nX-Other: 1")))
			.extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactlyInAnyOrder(
					tuple("call", "headers: the value of 'X-Split' must not contain CR, LF or NUL characters"),
					tuple("call", "headers: the value of 'X-Newline' must not contain CR, LF or NUL characters"),
					tuple("call", "headers: the value of 'X-Nul' must not contain CR, LF or NUL characters"),
					tuple("call", "headers: the value of 'X-After-Value' must not contain CR, LF or NUL characters"));
	}

	@Test
	void acceptsTokensPlaceholderValuesAndValuesThatAreNotText() {
		assertThat(httpProblems(headers("Authorization", "Bearer {{input.question}}", "X-Api_Key.v2", "{{ask.text}}",
				"Content-Type", "application/json", "X-Count", 3, "X-Flag", true, "Accept", "*/*")))
			.isEmpty();
	}

	@Test
	void refusesHeaderValuesThatAreNotTextNumbersOrBooleans() {
		assertThat(httpProblems(headers("X-Null", null, "X-Object", Map.of("a", "b"), "X-List", List.of("x"))))
			.extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactlyInAnyOrder(
					tuple("call", "headers: the value of 'X-Null' must be a string, number or boolean"),
					tuple("call", "headers: the value of 'X-Object' must be a string, number or boolean"),
					tuple("call", "headers: the value of 'X-List' must be a string, number or boolean"));
	}

	@Test
	void refusesFixedUrlThatIsNotAnAbsoluteHttpUrl() {
		for (String url : List.of("/orders/42", "api.example.com/orders", "ftp://files.example.com/a.csv",
				"https:///orders", "https://exa mple.com/", "mailto:ops@example.com", "https://{{unclosed/orders",
				"https://api.example.com/\\{{input.question}}")) {
			assertThat(problemsWith(node("call", "http", Map.of("url", url)))).as(url)
				.extracting(FlowProblem::nodeId, FlowProblem::message)
				.containsExactly(tuple("call", URL_RULE));
		}
	}

	@Test
	void acceptsAbsoluteHttpUrlsAndUrlsWithPlaceholders() {
		for (String url : List.of("https://api.example.com/orders?x=1", " HTTP://localhost:8080 ", "{{input.question}}",
				"https://{{input.question}}/orders", "https://api.example.com/orders/{{input.question}}")) {
			assertThat(problemsWith(node("call", "http", Map.of("url", url)))).as(url).isEmpty();
		}
	}

	@Test
	void refusesUrlWhoseFixedStartCannotBeginAnHttpUrl() {
		for (String url : List.of("/orders/{{input.question}}", "api.example.com/{{input.question}}",
				"ftp://{{input.question}}/a.csv", "mailto:{{input.question}}")) {
			assertThat(problemsWith(node("call", "http", Map.of("url", url)))).as(url)
				.extracting(FlowProblem::nodeId, FlowProblem::message)
				.containsExactly(tuple("call", URL_RULE));
		}
		for (String url : List.of(" https://{{input.question}}", "HTTP{{input.question}}",
				"https://api.example.com{{input.question}}")) {
			assertThat(problemsWith(node("call", "http", Map.of("url", url)))).as(url).isEmpty();
		}
	}

	@Test
	void refusesUrlWhoseOwnTextHoldsACharacterNoUrlMay() {
		assertThat(problemsWith(node("call", "http", Map.of("url", "https://api.example.com/a b/{{input.question}}"))))
			.extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactly(tuple("call",
					"url holds ' ' outside its placeholders, which no URL may; write it percent-encoded: %20"));
		for (String url : List.of("https://api.example.com/\\\\{{input.question}}",
				"https://api.example.com/{{input.question}}/\\{{x}}", "https://api.example.com/{id}/{{input.question}}",
				"{{input.question}}?q=a|b")) {
			assertThat(problemsWith(node("call", "http", Map.of("url", url)))).as(url)
				.extracting(FlowProblem::message)
				.singleElement(InstanceOfAssertFactories.STRING)
				.contains("outside its placeholders, which no URL may");
		}
		for (String url : List.of(" https://api.example.com/{{input.question}} ", "https://h/{{input.question}}%20x",
				"https://h/{{input.question}}?q=caf\u00e9")) {
			assertThat(problemsWith(node("call", "http", Map.of("url", url)))).as(url).isEmpty();
		}
	}

	@Test
	void refusesFixedFileUrlThatIsNotAnAbsoluteHttpUrl() {
		assertThat(problemsWith(node("doc", "file", Map.of("url", "report.pdf"))))
			.extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactly(tuple("doc", URL_RULE));
		assertThat(problemsWith(node("doc", "file", Map.of("url", "https://files.example.com/report.pdf")))).isEmpty();
	}

	@Test
	void refusesFixedLlmBaseUrlThatIsNotAnAbsoluteHttpUrl() {
		assertThat(problemsWith(llm("localhost:11434"))).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactly(tuple("ask", "baseUrl must be an absolute http or https URL with a host, "
					+ "such as https://api.example.com/path"));
		for (String accepted : List.of("http://localhost:11434/v1", "https://{{input.question}}", " ")) {
			assertThat(problemsWith(llm(accepted))).as(accepted).isEmpty();
		}
	}

	private List<FlowProblem> httpProblems(Map<String, Object> headers) {
		return problemsWith(node("call", "http", Map.of("url", "https://api.example.com", "headers", headers)));
	}

	/**
	 * A valid flow of an input, an llm node and an output, with the node after the llm.
	 */
	private List<FlowProblem> problemsWith(FlowNode extra) {
		List<FlowNode> nodes = new ArrayList<>(List.of(node("question", "input", Map.of("name", "question")),
				node("ask", "llm", Map.of("model", "m", "prompt", "{{input.question}}")),
				node("answer", "output", Map.of("name", "answer", "value", "{{ask.text}}"))));
		List<FlowEdge> edges = new ArrayList<>(List.of(edge("question", "ask"), edge("ask", "answer")));
		if (extra.id().equals("ask")) {
			nodes.set(1, extra);
		}
		else {
			nodes.add(extra);
			edges.add(edge("ask", extra.id()));
			edges.add(edge(extra.id(), "answer"));
		}
		return this.validator.problems(new FlowDraft("Flow", null, new FlowDefinition(nodes, edges)));
	}

	private static FlowNode llm(String baseUrl) {
		return node("ask", "llm", Map.of("model", "m", "prompt", "{{input.question}}", "baseUrl", baseUrl));
	}

	/** Headers in the order given, names and values alternating. */
	private static Map<String, Object> headers(Object... namesAndValues) {
		Map<String, Object> headers = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

}
