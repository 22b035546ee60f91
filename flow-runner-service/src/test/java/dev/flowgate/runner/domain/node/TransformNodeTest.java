package dev.flowgate.runner.domain.node;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.runner.domain.engine.FlowOutcome;
import dev.flowgate.runner.domain.template.TemplateScope;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformNodeTest {

	private final EngineFixture fixture = new EngineFixture("http://127.0.0.1:9");

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	@Test
	void evaluatesJsonataOverInputsAndUpstreamOutputs() {
		FlowDefinition flow = Flows.flow()
			.input("items", "json")
			.node("prices", "transform", Map.of("expression", "input.items.price"))
			.node("summary", "transform",
					Map.of("expression",
							"{ 'count': $count(prices), 'total': $sum(prices), 'cheap': input.items[price < 5].name }"))
			.node("result", "output", Map.of("name", "summary", "value", "{{summary}}"))
			.edge("items", "prices")
			.edge("prices", "summary")
			.edge("summary", "result")
			.build();

		FlowOutcome outcome = this.fixture.run(flow,
				Map.of("items", List.of(Map.of("name", "pen", "price", 2), Map.of("name", "book", "price", 12.5))));

		assertThat(outcome.outputs())
			.containsExactly(Map.entry("summary", Map.of("count", 2, "total", 14.5, "cheap", "pen")));
	}

	@Test
	void reportsExpressionErrorsWithoutRetrying() {
		FlowDefinition flow = Flows.flow()
			.node("bad", "transform", Map.of("expression", "$sum(", "retry", Map.of("maxAttempts", 3)))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).startsWith("JSONata: ");
		assertThat(outcome.trace().get(0).attempts()).isEqualTo(1);
	}

	@Test
	void boundsEvaluationByTheNodesOwnTimeout() {
		// The runner's default would let it run for a minute; the node allows 50 ms.
		TransformNode transform = new TransformNode(new JsonataExpressions(Duration.ofMinutes(1), 200, 256L << 20));
		FlowNode node = new FlowNode("slow", "transform", Map.of("expression", "$count([1..9999999].($ * 2))"));
		NodeCall attempt = new NodeCall(node, new TemplateScope(Map.of(), Map.of()), new CancellationScope(),
				Duration.ofMillis(50));

		// In the words of the node's timeout, which may stop it first.
		assertThatThrownBy(() -> transform.execute(attempt)).isInstanceOf(NodeFailedException.class)
			.hasMessage("timed out after 50 ms");
	}

	@Test
	void stopsARunawayExpression() {
		FlowDefinition flow = Flows.flow()
			.node("loop", "transform", Map.of("expression", "($f := function($x) { $f($x + 1) }; $f(0))"))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).startsWith("JSONata: ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "$match($pad('', 60, 'a') & '!', /(.*a){15}$/)",
			"$contains($pad('', 60, 'a') & '!', /(.*a){15}$/)", "$replace($pad('', 60, 'a') & '!', /(.*a){15}$/, 'b')",
			"$split($pad('', 60, 'a') & '!', /(.*a){15}$/)", "$pad('', 500000000)" })
	void stopsABuiltInCallThatWouldRunOnPastTheTimeLimit(String expression) {
		FlowDefinition flow = Flows.flow().node("redos", "transform", Map.of("expression", expression)).build();

		FlowOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> this.fixture.run(flow, Map.of()));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		// Stopped at its deadline, or by a string bound first.
		assertThat(outcome.error().message()).matches("timed out after \\d+ ms|JSONata: .* more than \\d+ characters");
	}

	@Test
	void leavesAnotherOwnerAThreadWhileOneOwnersExpressionsBacktrack() {
		FlowDefinition backtracking = Flows.flow()
			.node("redos", "transform", Map.of("expression", "$match($pad('', 60, 'a') & '!', /(.*a){15}$/)"))
			.build();
		List<CompletableFuture<FlowOutcome>> slow = IntStream.range(0, 4)
			.mapToObj((n) -> this.fixture.engine()
				.start("noisy", backtracking, Map.of(), Instant.now().plusSeconds(20))
				.outcome())
			.toList();
		FlowDefinition quick = Flows.flow().node("sum", "transform", Map.of("expression", "$sum([1, 2])")).build();

		FlowOutcome other = this.fixture.engine()
			.start("quiet", quick, Map.of(), Instant.now().plusSeconds(20))
			.outcome()
			.join();

		assertThat(other.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		// Each backtracks for its whole time limit, one at a time: most are still
		// waiting.
		assertThat(slow.stream().filter(CompletableFuture::isDone)).hasSizeLessThanOrEqualTo(1);
		assertThat(CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new)))
			.succeedsWithin(Duration.ofSeconds(30));
	}

	@ParameterizedTest
	@ValueSource(strings = { "$reduce([1..40], function($a, $i) { $a & $a }, 'xxxxxxxx')",
			"$count([1..1000].([1..1000].([1..1000])))" })
	void stopsAnExpressionBeforeItFillsTheHeap(String expression) {
		// No time limit to speak of: on a busy machine the node's would end it first.
		JsonataExpressions expressions = new JsonataExpressions(Duration.ofMinutes(5), 200, 256L << 20);

		assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofMinutes(2),
				() -> expressions.evaluate(expression, Map.of(), null)))
			.isInstanceOf(NodeFailedException.class)
			.hasMessageStartingWith("JSONata: the expression")
			.message()
			.containsAnyOf("MB of memory", "characters");
	}

	@Test
	void groupsTenThousandItemsWithinTheMemoryBound() {
		List<Map<String, Object>> items = IntStream.range(0, 10_000)
			.mapToObj((i) -> Map.<String, Object>of("id", i, "name", "item number " + i, "price", i * 1.5))
			.toList();
		FlowDefinition flow = Flows.flow()
			.node("items", "input", Map.of("name", "items", "inputType", "json"))
			.node("groups", "transform", Map.of("expression", "input.items{ $string(id % 10): $count(name) }"))
			.edge("items", "groups")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("items", items));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(outcome.trace().get(1).output()).asInstanceOf(InstanceOfAssertFactories.MAP)
			.hasSize(10)
			.containsEntry("7", 1000);
	}

	@Test
	void regularExpressionsStillMatchReplaceAndSplit() {
		FlowDefinition flow = Flows.flow()
			.node("text", "transform",
					Map.of("expression",
							"{ 'match': $match('a1b22', /[0-9]+/).match, 'contains': $contains('abc', /b/),"
									+ " 'replace': $replace('a1b22', /[0-9]+/, '#'), 'split': $split('a,b;c', /[,;]/),"
									+ " 'pad': $pad('x', 3, '-') }"))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.trace().get(0).output()).isEqualTo(Map.of("match", List.of("1", "22"), "contains", true,
				"replace", "a#b#", "split", List.of("a", "b", "c"), "pad", "x--"));
	}

	@Test
	void conditionsUseJsonataTruthiness() {
		FlowDefinition flow = Flows.flow()
			.input("text")
			.node("nonEmpty", "condition", Map.of("expression", "input.text"))
			.output("yes", "{{input.text}}")
			.branch("nonEmpty", "yes", true)
			.edge("text", "nonEmpty")
			.build();

		assertThat(this.fixture.run(flow, Map.of("text", "hi")).outputs()).containsExactly(Map.entry("yes", "hi"));
		assertThat(this.fixture.run(flow, Map.of("text", "")).outputs()).isEmpty();
	}

}
