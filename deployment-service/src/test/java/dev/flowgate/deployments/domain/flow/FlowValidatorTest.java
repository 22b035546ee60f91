package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class FlowValidatorTest {

	private static final int MAX_NODES = 500;

	private final FlowValidator validator = new FlowValidator(MAX_NODES, 2 * MAX_NODES);

	private final List<FlowNode> nodes = new ArrayList<>(
			List.of(node("question", "input", Map.of("name", "question", "inputType", "text", "required", true)),
					node("prompt", "template", Map.of("template", "Answer briefly: {{input.question}}")),
					node("ask", "llm", Map.of("model", "gpt-4o-mini", "prompt", "{{prompt.text}}")),
					node("answer", "output", Map.of("name", "answer", "value", "{{ask.text}}"))));

	private final List<FlowEdge> edges = new ArrayList<>(
			List.of(edge("question", "prompt"), edge("prompt", "ask"), edge("ask", "answer")));

	@Test
	void acceptsTheDocumentedExample() {
		assertThat(problems()).isEmpty();
	}

	@Test
	void acceptsAFlowWithoutInputs() {
		assertThat(problemsOf(List.of(node("answer", "output", Map.of("name", "answer", "value", "42"))), List.of()))
			.isEmpty();
	}

	@Test
	void acceptsAConditionWithBothBranches() {
		List<FlowNode> flow = List.of(node("n", "input", Map.of("inputType", "number")),
				node("big", "condition", Map.of("expression", "input.n > 10")),
				node("yes", "output", Map.of("name", "big", "value", "{{input.n}}")),
				node("no", "output", Map.of("name", "small", "value", "{{big.result}}")));
		assertThat(problemsOf(flow,
				List.of(edge("n", "big"), new FlowEdge("big", "yes", "true"), new FlowEdge("big", "no", "false"))))
			.isEmpty();
	}

	@Test
	void rejectsAMissingName() {
		assertThat(this.validator.problems(new FlowDraft(" ", null, definition())))
			.containsExactly(FlowProblem.ofField("name", "is required"));
	}

	@Test
	void rejectsANameThatWouldHideOrReorderWhatListsShow() {
		assertThat(this.validator.problems(new FlowDraft("report\u001b[8m", null, definition())))
			.containsExactly(FlowProblem.ofField("name", "must not contain control characters"));
		assertThat(this.validator.problems(new FlowDraft("x".repeat(201), null, definition())))
			.containsExactly(FlowProblem.ofField("name", "must be at most 200 characters"));
	}

	@Test
	void rejectsUnknownNodeTypes() {
		this.nodes.set(1, node("prompt", "script", Map.of("template", "x")));
		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::message)
			.contains(tuple("prompt", "unknown node type 'script'; expected one of input, template, llm, http, "
					+ "transform, condition, file, output"));
	}

	@Test
	void rejectsBlankAndDuplicateIds() {
		this.nodes.add(node(" ", "template", Map.of("template", "x")));
		this.nodes.add(node("ask", "template", Map.of("template", "x")));
		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::field, FlowProblem::message)
			.contains(tuple(null, "nodes[4].id", "is blank"), tuple("ask", null, "duplicate node id"));
	}

	@Test
	void rejectsEdgesToUnknownNodes() {
		this.edges.add(edge("ask", "ghost"));
		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactly(tuple("ask", "edge from 'ask' to 'ghost' ends at an unknown node"));
	}

	@Test
	void rejectsCycles() {
		this.nodes.add(node("again", "template", Map.of("template", "{{prompt.text}}")));
		this.edges.add(edge("prompt", "again"));
		this.edges.add(edge("again", "prompt"));
		assertThat(problems()).extracting(FlowProblem::message).contains("the edge to 'prompt' closes a cycle");
	}

	@Test
	void rejectsReferencesToNodesThatAreNotUpstream() {
		this.nodes.set(1, node("prompt", "template", Map.of("template", "{{ask.text}} and {{nowhere}}")));
		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactlyInAnyOrder(
					tuple("prompt", "template: {{ask.text}} refers to 'ask', which is not upstream of this node"),
					tuple("prompt", "template: {{nowhere}} refers to unknown node 'nowhere'"));
	}

	@Test
	void rejectsReferencesThatStartWithNoNodeIdBesideTheOtherProblems() {
		this.nodes.set(1, node("prompt", "template", Map.of("template", "{{.}} {{ [] }} {{.input.text}} {{nowhere}}")));
		assertThat(problems()).extracting(FlowProblem::message)
			.containsExactly("template: {{.}} starts with no node id (write {{nodeId.path}} or {{input.name}})",
					"template: {{[]}} starts with no node id (write {{nodeId.path}} or {{input.name}})",
					"template: {{.input.text}} starts with no node id (write {{nodeId.path}} or {{input.name}})",
					"template: {{nowhere}} refers to unknown node 'nowhere'");
	}

	@Test
	void rejectsInputReferencesThatNameNoInputNode() {
		this.nodes.set(1, node("prompt", "template", Map.of("template", "{{input.questoin}}")));
		assertThat(problems()).extracting(FlowProblem::message)
			.containsExactly("template: {{input.questoin}} names no input node (no input is named 'questoin')");
	}

	@Test
	void checksNoReferenceInAnEscapedOpening() {
		this.nodes.set(2,
				node("ask", "llm", Map.of("model", "gpt-4o-mini", "prompt", "{{prompt.text}} {{later.text}}")));
		assertThat(problems()).extracting(FlowProblem::message)
			.containsExactly("prompt: {{later.text}} refers to unknown node 'later'");

		this.nodes.set(2,
				node("ask", "llm", Map.of("model", "gpt-4o-mini", "prompt", "{{prompt.text}} \\{{later.text}}")));
		assertThat(problems()).isEmpty();
	}

	@Test
	void findsReferencesInsideHttpHeadersAndBody() {
		this.nodes.add(node("call", "http", Map.of("url", "https://example.com", "headers",
				Map.of("X-Q", "{{input.nope}}"), "body", Map.of("items", List.of("{{answer}}")))));
		this.edges.add(edge("ask", "call"));
		this.edges.add(edge("call", "answer"));
		assertThat(problems()).extracting(FlowProblem::nodeId).containsOnly("call");
		assertThat(problems()).hasSize(2);
	}

	@Test
	void requiresAnOutputNode() {
		assertThat(problemsOf(List.of(node("q", "input", Map.of())), List.of()))
			.containsExactly(new FlowProblem(null, "the flow needs at least one output node"));
	}

	@Test
	void rejectsUnconnectedNodes() {
		this.nodes.add(node("lonely", "template", Map.of("template", "hi")));
		assertThat(problems())
			.containsExactly(new FlowProblem("lonely", "the node is not connected to any other node"));
	}

	@Test
	void requiresBranchesOnConditionEdgesOnly() {
		this.nodes.add(node("check", "condition", Map.of("expression", "true")));
		this.nodes.add(node("other", "output", Map.of("name", "other", "value", "x")));
		this.edges.add(edge("ask", "check"));
		this.edges.add(edge("check", "other"));
		this.edges.set(2, new FlowEdge("ask", "answer", "true"));
		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactlyInAnyOrder(
					tuple("check",
							"the edge to 'other' leaves a condition node and needs \"branch\": \"true\" or \"false\""),
					tuple("ask", "the edge to 'answer' has a branch, but only edges leaving a condition node may"));
	}

	@Test
	void requiresEachTypesSettings() {
		List<FlowNode> flow = List.of(node("l", "llm", Map.of()), node("h", "http", Map.of()),
				node("t", "transform", Map.of()), node("c", "condition", Map.of()), node("o", "output", Map.of()));
		List<FlowEdge> chain = List.of(edge("l", "h"), edge("h", "t"), edge("t", "c"), new FlowEdge("c", "o", "true"));
		assertThat(problemsOf(flow, chain)).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactlyInAnyOrder(tuple("l", "model is required"), tuple("l", "prompt is required"),
					tuple("h", "url is required"), tuple("t", "expression is required"),
					tuple("c", "expression is required"), tuple("o", "name is required"));
	}

	@Test
	void saysASettingOfAnotherTypeMustBeAStringRatherThanThatItIsMissing() {
		List<FlowNode> flow = List.of(node("l", "llm", Map.of("model", 5, "prompt", "Hi")),
				node("t", "template", Map.of("template", 5)), node("o", "output", Map.of("name", 7)));
		List<FlowEdge> chain = List.of(edge("l", "t"), edge("t", "o"));
		assertThat(problemsOf(flow, chain)).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactlyInAnyOrder(tuple("l", "model must be a string"), tuple("t", "template must be a string"),
					tuple("o", "name must be a string"));
	}

	@Test
	void saysARetryThatIsNoObjectMustBeOne() {
		this.nodes.set(2,
				node("ask", "llm", Map.of("model", "gpt-4o-mini", "prompt", "{{prompt.text}}", "retry", "x")));
		assertThat(problems()).extracting(FlowProblem::message)
			.containsExactly("retry must be an object: {\"maxAttempts\": ..., \"backoffMillis\": ...}");
	}

	@Test
	void namesTheEndAnEdgeLacks() {
		this.edges.add(new FlowEdge("ask", null, null));
		this.edges.add(new FlowEdge(null, null, null));
		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactly(tuple("ask", "an edge needs both 'from' and 'to': 'to' is missing"),
					tuple(null, "an edge needs both 'from' and 'to': 'from' is missing"));
	}

	@Test
	void rejectsExpressionsThatAreNotJsonata() {
		this.nodes.add(node("shape", "transform", Map.of("expression", "{ \"a\": input.question ")));
		this.edges.add(edge("question", "shape"));
		this.edges.add(edge("shape", "answer"));

		assertThat(problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.nodeId()).isEqualTo("shape");
			assertThat(problem.message()).startsWith("expression is not valid JSONata: ");
		});
	}

	@Test
	void rejectsAnExpressionNestedTooDeeplyToParse() {
		this.nodes.add(node("shape", "transform", Map.of("expression", "(".repeat(100_000) + "1")));
		this.edges.add(edge("question", "shape"));
		this.edges.add(edge("shape", "answer"));

		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactly(tuple("shape", "expression is not valid JSONata: it nests too deeply"));
	}

	@Test
	void rejectsAFileUrlTestValueTheGatewayWouldRefuse() {
		this.nodes.add(node("doc", "input", Map.of("inputType", "file_url", "testValue", "report.pdf")));
		this.nodes.add(node("link", "input", Map.of("inputType", "file_url", "testValue", "https://x.example/a.pdf")));
		this.edges.add(edge("doc", "prompt"));
		this.edges.add(edge("link", "prompt"));

		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactly(tuple("doc", "testValue does not match inputType 'file_url'"));
	}

	@Test
	void rejectsATestValueNestedDeeperThanATriggerMaySend() {
		this.nodes.add(node("deep", "input", Map.of("inputType", "json", "testValue", nested(101))));
		this.nodes.add(node("fine", "input", Map.of("inputType", "json", "testValue", nested(100))));
		this.edges.add(edge("deep", "prompt"));
		this.edges.add(edge("fine", "prompt"));

		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactly(tuple("deep", "testValue nests objects and arrays deeper than 100 levels"));
	}

	private static Object nested(int levels) {
		Object value = 1;
		for (int i = 0; i < levels; i++) {
			value = List.of(value);
		}
		return value;
	}

	@Test
	void rejectsADescriptionLongerThanTheLimit() {
		assertThat(this.validator.problems(new FlowDraft("f", "d".repeat(2001), definition())))
			.containsExactly(FlowProblem.ofField("description", "must be at most 2000 characters"));
		assertThat(this.validator.problems(new FlowDraft("f", "d".repeat(2000), definition()))).isEmpty();
	}

	@Test
	void checksInputTypesAndTestValues() {
		this.nodes.set(0, node("question", "input", Map.of("inputType", "number", "testValue", "ten")));
		this.nodes.add(node("flag", "input", Map.of("inputType", "yesno")));
		this.edges.add(edge("flag", "prompt"));
		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactlyInAnyOrder(tuple("question", "testValue does not match inputType 'number'"),
					tuple("flag", "inputType must be one of text, number, boolean, json, file_url"));
	}

	@Test
	void checksTimeoutAndRetrySettings() {
		this.nodes.set(2, node("ask", "llm", Map.of("model", "m", "prompt", "{{prompt.text}}", "timeoutSeconds", 0,
				"retry", Map.of("maxAttempts", 0, "backoffMillis", -1))));
		assertThat(problems()).extracting(FlowProblem::message)
			.containsExactlyInAnyOrder("timeoutSeconds must be a number of at least 0.001 (one millisecond)",
					"retry.maxAttempts must be a whole number from 1 to 10",
					"retry.backoffMillis must be a whole number of at least 0");
	}

	@Test
	void refusesMoreAttemptsThanTheLimitAndTimeoutsTheRunnerWouldRoundToZero() {
		for (Object attempts : List.of(11, 1_000_000, 3_000_000_000L)) {
			this.nodes.set(2, node("ask", "llm",
					Map.of("model", "m", "prompt", "{{prompt.text}}", "retry", Map.of("maxAttempts", attempts))));
			assertThat(problems()).as("maxAttempts %s", attempts)
				.extracting(FlowProblem::nodeId, FlowProblem::message)
				.containsExactly(tuple("ask", "retry.maxAttempts must be a whole number from 1 to 10"));
		}
		this.nodes.set(2,
				node("ask", "llm", Map.of("model", "m", "prompt", "{{prompt.text}}", "timeoutSeconds", 0.0004)));
		assertThat(problems()).extracting(FlowProblem::message)
			.containsExactly("timeoutSeconds must be a number of at least 0.001 (one millisecond)");
	}

	@Test
	void acceptsTheMostAttemptsAndTheShortestTimeout() {
		this.nodes.set(2, node("ask", "llm", Map.of("model", "m", "prompt", "{{prompt.text}}", "timeoutSeconds", 0.001,
				"retry", Map.of("maxAttempts", 10, "backoffMillis", 0))));
		assertThat(problems()).isEmpty();
	}

	@Test
	void letsARetryLeaveOutMaxAttempts() {
		this.nodes.set(2, node("ask", "llm",
				Map.of("model", "m", "prompt", "{{prompt.text}}", "retry", Map.of("backoffMillis", 500))));
		assertThat(problems()).isEmpty();
	}

	@Test
	void refusesLlmSystemPromptsAndBaseUrlsThatAreNotText() {
		this.nodes.set(2, node("ask", "llm",
				Map.of("model", "m", "prompt", "{{prompt.text}}", "system", List.of("Be terse."), "baseUrl", 5)));
		assertThat(problems()).extracting(FlowProblem::message)
			.containsExactlyInAnyOrder("system must be a string", "baseUrl must be a string");
	}

	@Test
	void readsReferencesAsTheRunnerDoesWithSpacesAndBrackets() {
		this.nodes.set(1, node("prompt", "template",
				Map.of("template", "{{ input . question }} {{ ask . text }} {{input[question]}}")));
		assertThat(problems()).extracting(FlowProblem::message)
			.containsExactly("template: {{ask . text}} refers to 'ask', which is not upstream of this node");
	}

	@Test
	void skipsEmptyStepsOfAPathAsTheRunnerDoes() {
		this.nodes.set(1, node("prompt", "template", Map.of("template",
				"{{input[question][0][1]}} {{question.matrix[0][1]}} {{input.[question]}} {{ input [question] [0] }}")));
		assertThat(problems()).isEmpty();
	}

	@Test
	void checksTheLlmResponseFormat() {
		Map<String, Object> schema = Map.of("type", "json_schema", "json_schema",
				Map.of("name", "answer", "schema", Map.of("type", "object")));
		for (Object accepted : List.of("text", "json", schema)) {
			this.nodes.set(2, llm(accepted));
			assertThat(problems()).as("responseFormat %s", accepted).isEmpty();
		}
		for (Object refused : List.of("yaml", Map.of("type", "json_schema"),
				Map.of("type", "json_schema", "json_schema", Map.of("name", "answer")), 5)) {
			this.nodes.set(2, llm(refused));
			assertThat(problems()).as("responseFormat %s", refused)
				.singleElement()
				.extracting(FlowProblem::message)
				.asString()
				.startsWith("responseFormat must be \"text\", \"json\" or");
		}
	}

	@Test
	void reportsEveryProblemAtOnce() {
		this.nodes.set(2, node("ask", "llm", Map.of("prompt", "{{later.text}}")));
		this.nodes.set(3, node("answer", "output", Map.of("value", "{{ask.text}}")));
		this.edges.add(edge("ask", "nowhere"));
		this.edges.add(edge("answer", "prompt"));
		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::message)
			.containsExactlyInAnyOrder(tuple("ask", "edge from 'ask' to 'nowhere' ends at an unknown node"),
					tuple("answer", "an output node cannot have outgoing edges"),
					tuple("answer", "the edge to 'prompt' closes a cycle"), tuple("ask", "model is required"),
					tuple("answer", "name is required"),
					tuple("ask", "prompt: {{later.text}} refers to unknown node 'later'"));
	}

	@Test
	void acceptsAChainAsLongAsTheLimitWhoseLastNodeReadsTheFirst() {
		List<FlowNode> chain = new ArrayList<>(List.of(node("n0", "input", Map.of("name", "text"))));
		List<FlowEdge> links = new ArrayList<>();
		for (int i = 1; i < MAX_NODES - 1; i++) {
			chain.add(node("n" + i, "template", Map.of("template", "{{n" + (i - 1) + ".text}}")));
			links.add(edge("n" + (i - 1), "n" + i));
		}
		chain.add(
				node("out", "output", Map.of("name", "out", "value", "{{n1.text}} {{n" + (MAX_NODES - 2) + ".text}}")));
		links.add(edge("n" + (MAX_NODES - 2), "out"));

		assertThat(problemsOf(chain, links)).isEmpty();
	}

	@Test
	void refusesAFlowLargerThanTheLimitsWithoutLookingFurther() {
		FlowValidator small = new FlowValidator(2, 1);
		List<FlowNode> three = List.of(node("a", "input", Map.of()), node("b", "script", Map.of()),
				node("c", "output", Map.of()));

		assertThat(small.problems(new FlowDraft("Flow", null,
				new FlowDefinition(three, List.of(edge("a", "b"), edge("b", "c"), edge("c", "a"))))))
			.extracting(FlowProblem::nodeId, FlowProblem::field, FlowProblem::message)
			.containsExactly(tuple(null, "nodes", "has 3 nodes; at most 2 are allowed"),
					tuple(null, "edges", "has 3 edges; at most 1 are allowed"));
	}

	@Test
	void refusesSettingsThatTakeMoreThanTheLimitAsJson() {
		this.nodes.add(node("long", "template", Map.of("template", "x".repeat((int) FlowSize.MAX_SETTINGS_BYTES))));

		assertThat(problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("nodes");
			assertThat(problem.message()).matches("settings take 26\\d{4} bytes as JSON; at most 262144 are allowed");
		});
	}

	@Test
	void refusesSettingsOfManySmallValuesThatWouldTakeFarMoreMemoryThanTheirText() {
		List<Map<String, Object>> empties = Collections.nCopies((int) FlowSize.MAX_SETTINGS_VALUES, Map.of());
		this.nodes.add(node("list", "input", Map.of("name", "list", "inputType", "json", "testValue", empties)));

		assertThat(problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("nodes");
			assertThat(problem.message()).matches("settings hold 200\\d\\d JSON values; at most 20000 are allowed");
		});
	}

	@Test
	void refusesAFlowWhoseNodeIdsAreTooLongNamingThemByPosition() {
		String longId = "\u0100".repeat(FlowSize.MAX_ID_LENGTH + 1);
		this.nodes.add(node(longId, "template", Map.of("template", "x")));
		this.edges.add(edge("answer", longId));

		assertThat(problems()).extracting(FlowProblem::nodeId, FlowProblem::field, FlowProblem::message)
			.containsExactly(tuple(null, "nodes[4].id", "has 101 characters; at most 100 are allowed"),
					tuple(null, "edges[3].to", "has 101 characters; at most 100 are allowed"));
	}

	@Test
	void acceptsNodeIdsAsLongAsTheLimit() {
		String longest = "q".repeat(FlowSize.MAX_ID_LENGTH);
		this.nodes.set(0, node(longest, "input", Map.of("name", "question", "inputType", "text")));
		this.edges.set(0, edge(longest, "prompt"));

		assertThat(problems()).isEmpty();
	}

	@Test
	void refusesEdgeFieldsLongerThanAnId() {
		this.edges.add(new FlowEdge("x".repeat(5000), "answer", "y".repeat(5000)));

		assertThat(problems()).extracting(FlowProblem::field).containsExactly("edges[3].from", "edges[3].branch");
	}

	@Test
	void refusesNodeIdsWithControlCharacters() {
		this.nodes.set(1, node("pro\nmpt", "template", Map.of("template", "x")));

		assertThat(problems()).extracting(FlowProblem::field, FlowProblem::message)
			.contains(tuple("nodes[1].id", "must not contain control characters"));
	}

	@Test
	void refusesAFlowLargerThanTheLimitAsJsonThoughItsSettingsFit() {
		// Ids of a character UTF-8 takes two bytes for, each repeated by many edges.
		List<FlowNode> many = new ArrayList<>();
		List<FlowEdge> links = new ArrayList<>();
		for (int i = 0; i < MAX_NODES; i++) {
			many.add(node(id(i), "template", Map.of("template", "x")));
			if (i > 0) {
				links.add(edge(id(i - 1), id(i)));
			}
			if (i > 1) {
				links.add(edge(id(i - 2), id(i)));
			}
		}

		assertThat(problemsOf(many, links)).singleElement().satisfies((problem) -> {
			assertThat(problem.nodeId()).isNull();
			assertThat(problem.message()).matches("the flow takes \\d+ bytes as JSON; at most 524288 are allowed");
		});
	}

	private static String id(int index) {
		String number = Integer.toString(index);
		return "\u0100".repeat(FlowSize.MAX_ID_LENGTH - number.length()) + number;
	}

	@Test
	void requireValidThrowsWithTheProblems() {
		this.edges.clear();
		assertThatExceptionOfType(InvalidFlowException.class)
			.isThrownBy(() -> this.validator.requireValid(new FlowDraft("Answer", null, definition())))
			.satisfies((ex) -> assertThat(ex.problems()).hasSizeGreaterThanOrEqualTo(4));
	}

	private List<FlowProblem> problems() {
		return this.validator.problems(new FlowDraft("Answer", null, definition()));
	}

	private List<FlowProblem> problemsOf(List<FlowNode> nodes, List<FlowEdge> edges) {
		return this.validator.problems(new FlowDraft("Flow", null, new FlowDefinition(nodes, edges)));
	}

	private FlowDefinition definition() {
		return new FlowDefinition(this.nodes, this.edges);
	}

	private static FlowNode llm(Object responseFormat) {
		return node("ask", "llm", Map.of("model", "m", "prompt", "{{prompt.text}}", "responseFormat", responseFormat));
	}

	static FlowNode node(String id, String type, Map<String, Object> config) {
		return new FlowNode(id, type, config);
	}

	static FlowEdge edge(String from, String to) {
		return new FlowEdge(from, to, null);
	}

}
