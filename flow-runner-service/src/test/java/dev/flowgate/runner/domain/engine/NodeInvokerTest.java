package dev.flowgate.runner.domain.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.runner.domain.node.CancellationScope;
import dev.flowgate.runner.domain.node.NodeCall;
import dev.flowgate.runner.domain.node.NodeExecutor;
import dev.flowgate.runner.domain.node.NodeExecutors;
import dev.flowgate.runner.domain.node.NodeResult;
import dev.flowgate.runner.domain.template.TemplateScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Attempts that time out, against nodes that never answer. */
class NodeInvokerTest {

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

	private final ExecutorService workers = Executors.newFixedThreadPool(2);

	private final NodeInvoker invoker = new NodeInvoker(
			new NodeExecutors(List.of(new Stalling("waits", true), new Stalling("computes", false))),
			new EngineSettings(Duration.ofMillis(100), 4096), this.scheduler, this.workers);

	@AfterEach
	void stop() {
		this.scheduler.shutdownNow();
		this.workers.shutdownNow();
	}

	@Test
	void triesAgainANodeThatTimedOutWaitingForAnotherSystem() throws Exception {
		assertThat(invoke("waits").attempts()).isEqualTo(3);
	}

	@Test
	void triesWorkOnTheRunnersOwnCpuOnlyOnceWhenItTimesOut() throws Exception {
		Invocation invocation = invoke("computes");

		assertThat(invocation.attempts()).isEqualTo(1);
		assertThat(invocation.error()).isEqualTo("timed out after 100 ms");
	}

	private Invocation invoke(String type) throws Exception {
		FlowNode node = new FlowNode("n", type, Map.of("retry", Map.of("maxAttempts", 3, "backoffMillis", 0)));
		NodeCall call = new NodeCall(node, new TemplateScope(Map.of(), Map.of()), new CancellationScope());
		return this.invoker.invoke(call, new AtomicInteger()).get(5, TimeUnit.SECONDS);
	}

	/** A node whose answer never comes. */
	private record Stalling(String type, boolean retriesTimeouts) implements NodeExecutor {

		@Override
		public CompletableFuture<NodeResult> execute(NodeCall call) {
			return new CompletableFuture<>();
		}

	}

}
