package dev.flowgate.runner.domain.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.NodeStatus;
import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Received;
import dev.flowgate.infra.test.HttpStub.Reply;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowEngineTest {

	private final HttpStub api = HttpStub.start();

	private final EngineFixture fixture = new EngineFixture(this.api.url(""));

	@AfterEach
	void stop() {
		this.fixture.close();
		this.api.close();
	}

	@Test
	void runsNodesInDependencyOrderAndPassesOutputsDownstream() {
		FlowDefinition flow = Flows.flow()
			.input("question")
			.node("greet", "template", Map.of("template", "Hello {{input.question}}"))
			.node("shout", "transform", Map.of("expression", "$uppercase(greet.text)"))
			.output("answer", "{{shout}}")
			.edge("question", "greet")
			.edge("greet", "shout")
			.edge("shout", "answer")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("question", "kafka"));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(outcome.error()).isNull();
		assertThat(outcome.outputs()).containsExactly(Map.entry("answer", "HELLO KAFKA"));
		assertThat(outcome.trace()).extracting(NodeTrace::nodeId)
			.containsExactly("question", "greet", "shout", "answer");
		assertThat(outcome.trace()).allSatisfy((trace) -> {
			assertThat(trace.status()).isEqualTo(NodeStatus.SUCCEEDED);
			assertThat(trace.attempts()).isEqualTo(1);
		});
		assertThat(outcome.trace().get(1).output()).isEqualTo(Map.of("text", "Hello kafka"));
		assertStartsAfterPredecessorEnds(outcome.trace());
	}

	@Test
	void endsAFlowOfInputsTemplatesAndOutputsBeforeStartReturns() {
		FlowDefinition flow = Flows.flow()
			.input("name")
			.node("greet", "template", Map.of("template", "Hello {{input.name}}"))
			.output("answer", "{{greet.text}}")
			.edge("name", "greet")
			.edge("greet", "answer")
			.build();

		FlowRun run = this.fixture.engine()
			.start(EngineFixture.OWNER, flow, Map.of("name", "Ada"), Instant.now().plusSeconds(60));

		// No hand-off to a worker and no timer: the run is over on the calling thread.
		assertThat(run.outcome()).isDone();
		FlowOutcome outcome = run.outcome().join();
		assertThat(outcome.outputs()).containsExactly(Map.entry("answer", "Hello Ada"));
		assertThat(outcome.trace()).extracting(NodeTrace::attempts).containsOnly(1);
	}

	@Test
	void showsAnOutputTooDeepForJsonInTheTraceAsANote() {
		FlowDefinition flow = Flows.flow()
			.node("doc", "input", Map.of("name", "doc", "inputType", "json"))
			.output("answer", "received")
			.edge("doc", "answer")
			.build();
		Object doc = "bottom";
		for (int level = 0; level < 600; level++) {
			doc = List.of(doc);
		}

		FlowOutcome outcome = this.fixture.run(flow, Map.of("doc", doc));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(outcome.outputs()).containsExactly(Map.entry("answer", "received"));
		assertThat(outcome.trace().get(0).output()).asString()
			.startsWith("[not shown: the output cannot be written as JSON")
			.contains("nesting depth")
			.hasSizeLessThan(300);
	}

	@Test
	void failsATemplateThatRepeatsALargeInputPastItsLimitAndTriesItOnce() {
		FlowDefinition flow = Flows.flow()
			.input("t")
			.node("blowup", "template", Map.of("template", "{{input.t}}".repeat(4000)))
			.output("out", "{{blowup.text}}")
			.edge("t", "blowup")
			.edge("blowup", "out")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("t", "x".repeat(100_000)));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error()).isEqualTo(new ExecutionError("blowup", "node_failed",
				"its templates render more than %d characters".formatted(EngineFixture.TEMPLATE_MAX_CHARS)));
		assertThat(trace(outcome, "blowup").attempts()).isEqualTo(1);
	}

	@Test
	void failsTheNodeWhoseOutputTakesTheRunPastItsOutputsBudget() {
		// Each template is within its own limit; kept until the run ends, together they
		// are not.
		Flows fanOut = Flows.flow().input("t");
		for (int i = 0; i < 10; i++) {
			fanOut.node("copy" + i, "template", Map.of("template", "{{input.t}}")).edge("t", "copy" + i);
		}
		FlowDefinition flow = fanOut.build();
		int copySize = (int) (EngineFixture.MAX_RUN_OUTPUT_BYTES / 8);

		FlowOutcome outcome = this.fixture.run(flow, Map.of("t", "x".repeat(copySize)));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).isEqualTo(
				"the run's node outputs take more than %d bytes as JSON".formatted(EngineFixture.MAX_RUN_OUTPUT_BYTES));
		assertThat(outcome.trace()).filteredOn((node) -> node.status() == NodeStatus.SUCCEEDED)
			.extracting(NodeTrace::nodeId)
			.hasSizeLessThanOrEqualTo(9)
			.doesNotContain(outcome.error().nodeId());
	}

	@Test
	void refusesAnOwnersOutputsPastItsShareOfTheRunnerWhileAnotherOwnersRunsStillHoldTheirs() {
		// Each run holds its outputs while its http node waits.
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(3)));
		Flows copies = Flows.flow().input("t").node("wait", "http", Map.of("url", this.api.url("/slow")));
		for (String copy : List.of("copy1", "copy2", "copy3")) {
			copies.node(copy, "template", Map.of("template", "{{input.t}}")).edge("t", copy).edge(copy, "wait");
		}
		FlowDefinition flow = copies.build();
		// Two runs (their input and three copies each) hold 90% of one owner's share of
		// the
		// runner (half of it).
		Map<String, Object> inputs = Map.of("t", "x".repeat((int) (EngineFixture.MAX_HELD_OUTPUT_BYTES / 2 * 0.9 / 8)));
		Instant deadline = Instant.now().plusSeconds(20);
		List<FlowRun> heavy = List.of(this.fixture.engine().start("heavy", flow, inputs, deadline),
				this.fixture.engine().start("heavy", flow, inputs, deadline));

		FlowOutcome third = this.fixture.engine().start("heavy", flow, inputs, deadline).outcome().join();
		FlowOutcome other = this.fixture.engine().start("light", flow, inputs, deadline).outcome().join();

		assertThat(third.error().message())
			.isEqualTo("the runner holds as many node outputs of your executions as it may now; retry later");
		assertThat(other.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(heavy).allSatisfy((run) -> assertThat(run.outcome().join().error()).isNull());
		// Released as the runs ended: the owner's next run holds its copy again.
		assertThat(this.fixture.run(flow, inputs).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
	}

	@Test
	void runsFanOutWhoseOutputsFitTheBudget() {
		Flows fanOut = Flows.flow().input("t");
		for (int i = 0; i < 10; i++) {
			fanOut.node("copy" + i, "template", Map.of("template", "{{input.t}}")).edge("t", "copy" + i);
		}

		FlowOutcome outcome = this.fixture.run(fanOut.build(),
				Map.of("t", "x".repeat((int) (EngineFixture.MAX_RUN_OUTPUT_BYTES / 20))));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
	}

	@Test
	void runsALongChainOfImmediateNodesWithoutRunningOutOfStack() {
		int length = 5_000;
		Flows chain = Flows.flow().input("seed");
		String previous = "seed";
		for (int i = 0; i < length; i++) {
			String id = "t" + i;
			String upstream = previous.equals("seed") ? "input.seed" : previous + ".text";
			chain.node(id, "template", Map.of("template", "{{" + upstream + "}}")).edge(previous, id);
			previous = id;
		}
		FlowDefinition flow = chain.output("last", "{{" + previous + ".text}}").edge(previous, "last").build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("seed", "x"));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(outcome.outputs()).containsExactly(Map.entry("last", "x"));
	}

	@Test
	void runsIndependentBranchesConcurrently() {
		this.api.on("/a", (request) -> Reply.json(200, "{\"value\":1}").after(Duration.ofMillis(300)));
		this.api.on("/b", (request) -> Reply.json(200, "{\"value\":2}").after(Duration.ofMillis(300)));
		FlowDefinition flow = Flows.flow()
			.input("q")
			.node("a", "http", Map.of("url", this.api.url("/a")))
			.node("b", "http", Map.of("url", this.api.url("/b")))
			.node("sum", "transform", Map.of("expression", "a.body.value + b.body.value"))
			.output("total", "{{sum}}")
			.edge("q", "a")
			.edge("q", "b")
			.edge("a", "sum")
			.edge("b", "sum")
			.edge("sum", "total")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("q", "x"));

		assertThat(outcome.outputs()).containsExactly(Map.entry("total", 3));
		List<Received> calls = this.api.received();
		assertThat(calls).hasSize(2);
		Instant lastArrival = calls.stream().map(Received::arrivedAt).max(Comparator.naturalOrder()).orElseThrow();
		Instant firstAnswer = calls.stream().map(Received::answeredAt).min(Comparator.naturalOrder()).orElseThrow();
		assertThat(lastArrival).as("both calls were in flight at once").isBefore(firstAnswer);
	}

	@Test
	void runsOnlyTheBranchAConditionTakes() {
		FlowDefinition flow = Flows.flow()
			.input("n", "number")
			.node("big", "condition", Map.of("expression", "input.n > 10"))
			.node("yes", "template", Map.of("template", "{{input.n}} is large"))
			.node("no", "template", Map.of("template", "{{input.n}} is small"))
			.output("large", "{{yes.text}}")
			.output("small", "{{no.text}}")
			.edge("n", "big")
			.branch("big", "yes", true)
			.branch("big", "no", false)
			.edge("yes", "large")
			.edge("no", "small")
			.build();

		FlowOutcome large = this.fixture.run(flow, Map.of("n", 42));
		FlowOutcome small = this.fixture.run(flow, Map.of("n", 3));

		assertThat(large.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(large.outputs()).containsExactly(Map.entry("large", "42 is large"));
		assertThat(statuses(large)).containsEntry("big", NodeStatus.SUCCEEDED)
			.containsEntry("no", NodeStatus.SKIPPED)
			.containsEntry("small", NodeStatus.SKIPPED);
		assertThat(trace(large, "big").output()).isEqualTo(Map.of("result", true));
		assertThat(small.outputs()).containsExactly(Map.entry("small", "3 is small"));
		assertThat(statuses(small)).containsEntry("yes", NodeStatus.SKIPPED).containsEntry("large", NodeStatus.SKIPPED);
	}

	@Test
	void runsAJoinWhenOneIncomingBranchIsActive() {
		FlowDefinition flow = Flows.flow()
			.input("name")
			.node("known", "condition", Map.of("expression", "$exists(input.name)"))
			.node("greet", "template", Map.of("template", "Hi {{input.name}}"))
			.node("anonymous", "template", Map.of("template", "Hi stranger"))
			.node("after-anonymous", "template", Map.of("template", "only for strangers"))
			.node("pick", "transform", Map.of("expression", "greet ? greet.text : anonymous.text"))
			.output("greeting", "{{pick}}")
			.branch("known", "greet", true)
			.branch("known", "anonymous", false)
			.edge("name", "known")
			.edge("anonymous", "after-anonymous")
			.edge("greet", "pick")
			.edge("anonymous", "pick")
			.edge("pick", "greeting")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("name", "Ada"));

		assertThat(outcome.outputs()).containsExactly(Map.entry("greeting", "Hi Ada"));
		assertThat(statuses(outcome)).containsEntry("anonymous", NodeStatus.SKIPPED)
			.containsEntry("after-anonymous", NodeStatus.SKIPPED)
			.containsEntry("pick", NodeStatus.SUCCEEDED);
	}

	/**
	 * Approve, then act: the act also takes a draft made beside the approval, yet an
	 * approval that says no skips it, and what depends on it.
	 */
	@Test
	void skipsANodeAConditionGatesEvenWhenItsOtherInputRan() {
		this.api.on("/charge", (request) -> Reply.json(200, "{\"charged\":true}"));
		FlowDefinition flow = Flows.flow()
			.input("order")
			.node("approve", "condition", Map.of("expression", "input.order = 'ok'"))
			.node("draft", "template", Map.of("template", "charge for {{input.order}}"))
			.node("charge", "http", Map.of("method", "POST", "url", this.api.url("/charge"), "body", "{{draft.text}}"))
			.node("receipt", "template", Map.of("template", "charged: {{charge.body.charged}}"))
			.node("notify", "template", Map.of("template", "{{draft.text}}: {{charge.status}}"))
			.output("done", "{{receipt.text}}")
			.output("note", "{{draft.text}}")
			.edge("order", "approve")
			.edge("order", "draft")
			.branch("approve", "charge", true)
			.edge("draft", "charge")
			.edge("charge", "receipt")
			.edge("receipt", "done")
			.edge("draft", "notify")
			.edge("charge", "notify")
			.edge("draft", "note")
			.build();

		FlowOutcome refused = this.fixture.run(flow, Map.of("order", "no"));
		FlowOutcome approved = this.fixture.run(flow, Map.of("order", "ok"));

		assertThat(refused.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(statuses(refused)).containsEntry("draft", NodeStatus.SUCCEEDED)
			.containsEntry("charge", NodeStatus.SKIPPED)
			.containsEntry("receipt", NodeStatus.SKIPPED)
			.containsEntry("notify", NodeStatus.SKIPPED)
			.containsEntry("done", NodeStatus.SKIPPED);
		assertThat(refused.outputs()).containsExactly(Map.entry("note", "charge for no"));
		assertThat(approved.outputs()).containsEntry("done", "charged: true");
		assertThat(statuses(approved)).containsEntry("notify", NodeStatus.SUCCEEDED);
		assertThat(this.api.received("/charge")).singleElement().extracting(Received::body).isEqualTo("charge for ok");
	}

	@Test
	void runsAJoinOfBothBranchesThatAlsoHasAnInputOfItsOwn() {
		FlowDefinition flow = Flows.flow()
			.input("name")
			.node("known", "condition", Map.of("expression", "$exists(input.name)"))
			.node("greet", "template", Map.of("template", "Hi {{input.name}}"))
			.node("anonymous", "template", Map.of("template", "Hi stranger"))
			.node("sign", "template", Map.of("template", "-- Flowgate"))
			.node("letter", "template", Map.of("template", "{{greet.text}}{{anonymous.text}} {{sign.text}}"))
			.output("text", "{{letter.text}}")
			.edge("name", "known")
			.branch("known", "greet", true)
			.branch("known", "anonymous", false)
			.edge("greet", "letter")
			.edge("anonymous", "letter")
			.edge("sign", "letter")
			.edge("letter", "text")
			.build();

		assertThat(this.fixture.run(flow, Map.of("name", "Ada")).outputs())
			.containsExactly(Map.entry("text", "Hi Ada -- Flowgate"));
		assertThat(this.fixture.run(flow, Map.of()).outputs())
			.containsExactly(Map.entry("text", "Hi stranger -- Flowgate"));
	}

	@Test
	void runsAJoinOfNestedConditionsWhicheverBranchesRan() {
		FlowDefinition flow = Flows.flow()
			.node("n", "input", Map.of("name", "n", "inputType", "number"))
			.node("positive", "condition", Map.of("expression", "input.n > 0"))
			.node("large", "condition", Map.of("expression", "input.n > 10"))
			.node("negative", "template", Map.of("template", "negative"))
			.node("big", "template", Map.of("template", "big"))
			.node("small", "template", Map.of("template", "small"))
			.node("label", "template", Map.of("template", "{{negative.text}}{{big.text}}{{small.text}}"))
			.output("size", "{{label.text}}")
			.edge("n", "positive")
			.branch("positive", "large", true)
			.branch("positive", "negative", false)
			.branch("large", "big", true)
			.branch("large", "small", false)
			.edge("big", "label")
			.edge("small", "label")
			.edge("negative", "label")
			.edge("label", "size")
			.build();

		assertThat(this.fixture.run(flow, Map.of("n", 42)).outputs()).containsExactly(Map.entry("size", "big"));
		assertThat(this.fixture.run(flow, Map.of("n", 3)).outputs()).containsExactly(Map.entry("size", "small"));
		FlowOutcome negative = this.fixture.run(flow, Map.of("n", -1));
		assertThat(negative.outputs()).containsExactly(Map.entry("size", "negative"));
		assertThat(statuses(negative)).containsEntry("large", NodeStatus.SKIPPED)
			.containsEntry("big", NodeStatus.SKIPPED)
			.containsEntry("small", NodeStatus.SKIPPED)
			.containsEntry("label", NodeStatus.SUCCEEDED);
	}

	@Test
	void failsTheExecutionOnTheFirstFailingNodeAndCancelsTheOthers() {
		this.api.on("/broken", (request) -> Reply.text(500, "boom"));
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(5)));
		FlowDefinition flow = Flows.flow()
			.input("q")
			.node("broken", "http", Map.of("url", this.api.url("/broken")))
			.node("slow", "http", Map.of("url", this.api.url("/slow")))
			.output("out", "{{broken.body}}")
			.edge("q", "broken")
			.edge("q", "slow")
			.edge("broken", "out")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error()).isEqualTo(
				new ExecutionError("broken", "node_failed", "HTTP 500 from " + this.api.url("/broken") + ": boom"));
		assertThat(outcome.outputs()).isEmpty();
		assertThat(trace(outcome, "broken").status()).isEqualTo(NodeStatus.FAILED);
		assertThat(trace(outcome, "slow").status()).isEqualTo(NodeStatus.FAILED);
		assertThat(trace(outcome, "slow").error()).isEqualTo("cancelled: node 'broken' failed");
		assertThat(outcome.trace()).extracting(NodeTrace::nodeId).doesNotContain("out");
		assertThat(outcome.durationMillis()).as("not waiting for the slow call").isLessThan(4000);
	}

	@Test
	void retriesAFailingNodeUntilItSucceeds() {
		AtomicInteger calls = new AtomicInteger();
		this.api.on("/flaky", (request) -> (calls.incrementAndGet() < 3) ? Reply.text(503, "busy")
				: Reply.json(200, "{\"ok\":true}"));
		FlowDefinition flow = Flows.flow()
			.node("call", "http",
					Map.of("url", this.api.url("/flaky"), "retry", Map.of("maxAttempts", 3, "backoffMillis", 20)))
			.output("ok", "{{call.body.ok}}")
			.edge("call", "ok")
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.outputs()).containsExactly(Map.entry("ok", true));
		assertThat(trace(outcome, "call").attempts()).isEqualTo(3);
		assertThat(this.api.received("/flaky")).hasSize(3);
	}

	@Test
	void givesUpAfterTheLastAttemptAndDoesNotRetryClientErrors() {
		this.api.on("/busy", (request) -> Reply.text(503, "busy"));
		this.api.on("/gone", (request) -> Reply.text(404, "gone"));
		Map<String, Object> retry = Map.of("maxAttempts", 3, "backoffMillis", 10);
		FlowDefinition busy = Flows.flow()
			.node("call", "http", Map.of("url", this.api.url("/busy"), "retry", retry))
			.build();
		FlowDefinition gone = Flows.flow()
			.node("call", "http", Map.of("url", this.api.url("/gone"), "retry", retry))
			.build();

		FlowOutcome busyOutcome = this.fixture.run(busy, Map.of());
		FlowOutcome goneOutcome = this.fixture.run(gone, Map.of());

		assertThat(trace(busyOutcome, "call").attempts()).isEqualTo(3);
		assertThat(busyOutcome.error().message()).isEqualTo("HTTP 503 from " + this.api.url("/busy") + ": busy");
		assertThat(trace(goneOutcome, "call").attempts()).isEqualTo(1);
		assertThat(this.api.received("/gone")).hasSize(1);
	}

	@Test
	void cutsEachAttemptAtTheNodeTimeout() {
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(5)));
		FlowDefinition flow = Flows.flow()
			.node("call", "http",
					Map.of("url", this.api.url("/slow"), "timeoutSeconds", 0.2, "retry", Map.of("maxAttempts", 2)))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error()).isEqualTo(new ExecutionError("call", "node_failed", "timed out after 200 ms"));
		assertThat(trace(outcome, "call").attempts()).isEqualTo(2);
		assertThat(outcome.durationMillis()).isBetween(400L, 4000L);
	}

	@Test
	void endsTimedOutAtTheDeadlineAndCancelsOutstandingNodes() {
		FlowDefinition flow = slowCallFlow();

		Instant deadline = Instant.now().plusMillis(300);
		FlowOutcome outcome = this.fixture.run(flow, Map.of(), deadline);

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
		assertThat(outcome.error().code()).isEqualTo("timeout");
		assertThat(outcome.error().nodeId()).isNull();
		assertThat(trace(outcome, "q").status()).isEqualTo(NodeStatus.SUCCEEDED);
		assertThat(trace(outcome, "call").status()).isEqualTo(NodeStatus.FAILED);
		assertThat(trace(outcome, "call").error()).contains("deadline");
		// Ended at the deadline, not by the call (5 s): measured from the deadline, as a
		// slow start would shorten the run itself.
		assertThat(outcome.finishedAt()).isBetween(deadline.minusMillis(50), deadline.plusMillis(3700));
	}

	@Test
	void runsNothingWhenTheDeadlineHasPassed() {
		FlowDefinition flow = Flows.flow().input("q").output("out", "{{input.q}}").edge("q", "out").build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of("q", "x"), Instant.now().minusSeconds(1));

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
		assertThat(outcome.trace()).isEmpty();
	}

	@Test
	void cancelledRunsReportNoOutcome() {
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(5)));
		FlowDefinition flow = Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build();
		FlowRun run = this.fixture.engine().start(EngineFixture.OWNER, flow, Map.of(), Instant.now().plusSeconds(10));

		run.cancel();

		assertThat(run.outcome()).isCancelled();
		assertThatThrownBy(() -> run.outcome().join()).isInstanceOf(CancellationException.class);
	}

	@Test
	void endsAStoppedRunAsCancelledAndCancelsOutstandingNodes() {
		FlowDefinition flow = slowCallFlow();
		FlowRun run = this.fixture.engine()
			.start(EngineFixture.OWNER, flow, Map.of("q", "x"), Instant.now().plusSeconds(60));

		run.stop();

		FlowOutcome outcome = run.outcome().join();
		assertThat(outcome.status()).isEqualTo(ExecutionStatus.CANCELLED);
		assertThat(outcome.error())
			.isEqualTo(new ExecutionError(null, "cancelled", "the execution was cancelled at the owner's request"));
		assertThat(outcome.outputs()).isEmpty();
		assertThat(trace(outcome, "q").status()).isEqualTo(NodeStatus.SUCCEEDED);
		assertThat(trace(outcome, "call").status()).isEqualTo(NodeStatus.FAILED);
		assertThat(trace(outcome, "call").error()).isEqualTo("cancelled: the owner cancelled the execution");
		assertThat(outcome.durationMillis()).isLessThan(4000L);
	}

	@Test
	void keepsTheOutcomeOfARunStoppedAfterItEnded() {
		FlowDefinition flow = Flows.flow().input("q").output("out", "{{input.q}}").edge("q", "out").build();
		FlowRun run = this.fixture.engine()
			.start(EngineFixture.OWNER, flow, Map.of("q", "x"), Instant.now().plusSeconds(60));

		run.stop();

		assertThat(run.outcome().join().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(run.outcome().join().outputs()).containsExactly(Map.entry("out", "x"));
	}

	@Test
	void keepsOnlyTheStartOfLargeOutputsInTheTrace() {
		try (EngineFixture small = new EngineFixture(this.api.url(""), java.util.Set.of(), 20)) {
			FlowDefinition flow = Flows.flow()
				.node("long", "template", Map.of("template", "x".repeat(100)))
				.output("all", "{{long.text}}")
				.edge("long", "all")
				.build();

			FlowOutcome outcome = small.run(flow, Map.of());

			assertThat(outcome.outputs().get("all")).isEqualTo("x".repeat(100));
			assertThat(trace(outcome, "long").output())
				.isEqualTo("{\"text\":\"" + "x".repeat(11) + "… (91 more characters)");
		}
	}

	@Test
	void cutsATraceOutputBeforeACharacterItWouldSplit() {
		try (EngineFixture small = new EngineFixture(this.api.url(""), java.util.Set.of(), 20)) {
			// {"text":" and ten x take 19 characters; the emoji takes the 20th and 21st.
			FlowDefinition flow = Flows.flow()
				.node("long", "template", Map.of("template", "x".repeat(10) + "\uD83D\uDE00" + "y".repeat(10)))
				.build();

			FlowOutcome outcome = small.run(flow, Map.of());

			assertThat(trace(outcome, "long").output())
				.isEqualTo("{\"text\":\"" + "x".repeat(10) + "… (14 more characters)");
		}
	}

	@Test
	void failsAnInputOfAnotherTypeThanItsNodeDeclares() {
		// A call accepted against a version whose input was text, run after a redeploy
		// made it a number.
		FlowDefinition flow = Flows.flow()
			.node("count", "input", Map.of("inputType", "number"))
			.output("out", "{{input.count}}")
			.edge("count", "out")
			.build();

		FlowOutcome text = this.fixture.run(flow, Map.of("count", "three"));
		FlowOutcome number = this.fixture.run(flow, Map.of("count", 3));

		assertThat(text.error())
			.isEqualTo(new ExecutionError("count", "node_failed", "the input 'count' must be a number"));
		assertThat(number.outputs()).containsExactly(Map.entry("out", 3));
	}

	@Test
	void failsARequiredInputThatIsMissing() {
		FlowDefinition flow = Flows.flow()
			.node("city", "input", Map.of("required", true))
			.node("note", "input", Map.of("name", "comment"))
			.output("out", "{{input.city}}")
			.edge("city", "out")
			.build();

		FlowOutcome missing = this.fixture.run(flow, Map.of("comment", "hi"));
		FlowOutcome present = this.fixture.run(flow, Map.of("city", "Oslo"));

		assertThat(missing.error())
			.isEqualTo(new ExecutionError("city", "node_failed", "the required input 'city' is missing"));
		assertThat(present.outputs()).containsExactly(Map.entry("out", "Oslo"));
		assertThat(trace(present, "note").output()).isNull();
	}

	@Test
	void rejectsFlowsThatCannotRun() {
		FlowDefinition cycle = Flows.flow()
			.node("a", "template", Map.of("template", "a"))
			.node("b", "template", Map.of("template", "b"))
			.edge("a", "b")
			.edge("b", "a")
			.build();
		FlowDefinition unknownType = Flows.flow().node("a", "teleport", Map.of()).build();
		FlowDefinition dangling = Flows.flow().node("a", "template", Map.of("template", "a")).edge("a", "z").build();

		assertThatThrownBy(
				() -> this.fixture.engine().start(EngineFixture.OWNER, cycle, Map.of(), Instant.now().plusSeconds(5)))
			.isInstanceOf(InvalidFlowException.class)
			.hasMessage("the flow has a cycle");
		assertThatThrownBy(() -> this.fixture.engine()
			.start(EngineFixture.OWNER, unknownType, Map.of(), Instant.now().plusSeconds(5)))
			.hasMessage("node 'a' has the unknown type 'teleport'");
		assertThatThrownBy(() -> this.fixture.engine()
			.start(EngineFixture.OWNER, dangling, Map.of(), Instant.now().plusSeconds(5)))
			.hasMessage("the edge from 'a' to 'z' joins an unknown node");
	}

	private static Map<String, NodeStatus> statuses(FlowOutcome outcome) {
		return outcome.trace()
			.stream()
			.collect(java.util.stream.Collectors.toMap(NodeTrace::nodeId, NodeTrace::status));
	}

	/** An input, an http node whose API answers after 5 s, and an output. */
	private FlowDefinition slowCallFlow() {
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(5)));
		return Flows.flow()
			.input("q")
			.node("call", "http", Map.of("url", this.api.url("/slow")))
			.output("out", "{{call.status}}")
			.edge("q", "call")
			.edge("call", "out")
			.build();
	}

	private static NodeTrace trace(FlowOutcome outcome, String nodeId) {
		return outcome.trace().stream().filter((trace) -> trace.nodeId().equals(nodeId)).findFirst().orElseThrow();
	}

	private static void assertStartsAfterPredecessorEnds(List<NodeTrace> chain) {
		for (int i = 1; i < chain.size(); i++) {
			NodeTrace before = chain.get(i - 1);
			Instant beforeEnd = before.startedAt().plusMillis(before.durationMillis());
			assertThat(chain.get(i).startedAt()).isAfterOrEqualTo(beforeEnd);
		}
	}

}
