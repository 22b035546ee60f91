package dev.flowgate.runner.domain.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.flowrules.NodeType;
import dev.flowgate.runner.domain.node.CancellationScope;
import dev.flowgate.runner.domain.node.NodeCall;
import dev.flowgate.runner.domain.node.NodeExecutor;
import dev.flowgate.runner.domain.node.NodeExecutors;
import dev.flowgate.runner.domain.node.NodeResult;
import dev.flowgate.runner.domain.template.TemplateScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Attempts that time out, against nodes that never answer. */
class NodeInvokerTest {

	private static final long BACKOFF_MILLIS = 4000;

	// Each double stands in for the kind of node whose behaviour it has.
	private static final NodeType WAITS = NodeType.HTTP;

	private static final NodeType COMPUTES = NodeType.TRANSFORM;

	private static final NodeType EVALUATES = NodeType.CONDITION;

	private static final NodeType ANSWERS = NodeType.TEMPLATE;

	private static final NodeType EXCHANGES = NodeType.LLM;

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

	private final ExecutorService workers = Executors.newFixedThreadPool(2);

	private final ExecutorService evaluators = Executors.newFixedThreadPool(1);

	private final CountDownLatch evaluationsGoOn = new CountDownLatch(1);

	private final List<CompletableFuture<NodeResult>> exchanges = new CopyOnWriteArrayList<>();

	private final NodeInvoker invoker = new NodeInvoker(
			new NodeExecutors(List.of(new Stalling(WAITS, true), new Stalling(COMPUTES, false),
					new Evaluating(this.evaluationsGoOn), new Answering(), new Exchanging(this.exchanges))),
			new EngineSettings(Duration.ofMillis(100), 4096, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE),
			this.scheduler, this.workers, this.evaluators);

	@AfterEach
	void stop() {
		this.evaluationsGoOn.countDown();
		this.scheduler.shutdownNow();
		this.workers.shutdownNow();
		this.evaluators.shutdownNow();
	}

	@Test
	void longEvaluationsDoNotHoldUpTheNodesThatWaitOnTheNetwork() throws Exception {
		FlowNode long1 = new FlowNode("e1", EVALUATES.token(), Map.of("timeoutSeconds", 10));
		FlowNode long2 = new FlowNode("e2", EVALUATES.token(), Map.of("timeoutSeconds", 10));
		// As many long evaluations as there are worker threads.
		CompletableFuture<Invocation> first = this.invoker.invoke(call(long1), new NodeAttempts());
		CompletableFuture<Invocation> second = this.invoker.invoke(call(long2), new NodeAttempts());

		Invocation answered = this.invoker
			.invoke(call(new FlowNode("a", ANSWERS.token(), Map.of())), new NodeAttempts())
			.get(2, TimeUnit.SECONDS);

		assertThat(answered.failed()).isFalse();
		assertThat(first).isNotDone();
		assertThat(second).isNotDone();
	}

	@Test
	void triesAgainANodeThatTimedOutWaitingForAnotherSystem() throws Exception {
		assertThat(invoke(WAITS).attempts()).isEqualTo(3);
	}

	@Test
	void triesWorkOnTheRunnersOwnCpuOnlyOnceWhenItTimesOut() throws Exception {
		Invocation invocation = invoke(COMPUTES);

		assertThat(invocation.attempts()).isEqualTo(1);
		assertThat(invocation.error()).isEqualTo("timed out after 100 ms");
	}

	@Test
	void abortsTheExchangeOfAnAttemptAsSoonAsItTimesOut() {
		FlowNode node = new FlowNode("n", EXCHANGES.token(),
				Map.of("retry", Map.of("maxAttempts", 2, "backoffMillis", BACKOFF_MILLIS)));

		CompletableFuture<Invocation> invocation = this.invoker.invoke(call(node), new NodeAttempts());

		await().atMost(Duration.ofMillis(BACKOFF_MILLIS / 2))
			.until(() -> !this.exchanges.isEmpty() && this.exchanges.get(0).isCancelled());
		assertThat(invocation).as("the next attempt waits for its backoff").isNotDone();
		assertThat(this.exchanges).hasSize(1);
	}

	private Invocation invoke(NodeType type) throws Exception {
		FlowNode node = new FlowNode("n", type.token(), Map.of("retry", Map.of("maxAttempts", 3, "backoffMillis", 0)));
		return this.invoker.invoke(call(node), new NodeAttempts()).get(5, TimeUnit.SECONDS);
	}

	private static NodeCall call(FlowNode node) {
		return new NodeCall(node, new TemplateScope(Map.of(), Map.of()), new CancellationScope());
	}

	/**
	 * A node that holds its thread until the test lets it go on, as a long expression.
	 */
	private record Evaluating(CountDownLatch goOn) implements NodeExecutor {

		@Override
		public NodeType type() {
			return EVALUATES;
		}

		@Override
		public boolean evaluates() {
			return true;
		}

		@Override
		public CompletableFuture<NodeResult> execute(NodeCall call) {
			try {
				this.goOn.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return CompletableFuture.completedFuture(NodeResult.of("done"));
		}

	}

	/** A node whose answer is there at once. */
	private record Answering() implements NodeExecutor {

		@Override
		public NodeType type() {
			return ANSWERS;
		}

		@Override
		public CompletableFuture<NodeResult> execute(NodeCall call) {
			return CompletableFuture.completedFuture(NodeResult.of("answer"));
		}

	}

	/**
	 * A node whose exchange, registered with its attempt as HTTP nodes do, is never
	 * answered.
	 */
	private record Exchanging(List<CompletableFuture<NodeResult>> exchanges) implements NodeExecutor {

		@Override
		public NodeType type() {
			return EXCHANGES;
		}

		@Override
		public CompletableFuture<NodeResult> execute(NodeCall call) {
			CompletableFuture<NodeResult> exchange = call.cancellation().register(new CompletableFuture<>());
			this.exchanges.add(exchange);
			return exchange;
		}

	}

	/** A node whose answer never comes. */
	private record Stalling(NodeType type, boolean retriesTimeouts) implements NodeExecutor {

		@Override
		public CompletableFuture<NodeResult> execute(NodeCall call) {
			return new CompletableFuture<>();
		}

	}

}
