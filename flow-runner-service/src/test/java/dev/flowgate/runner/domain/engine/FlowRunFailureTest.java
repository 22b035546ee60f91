package dev.flowgate.runner.domain.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.flowrules.NodeType;
import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.NodeCall;
import dev.flowgate.runner.domain.node.NodeExecutor;
import dev.flowgate.runner.domain.node.NodeExecutors;
import dev.flowgate.runner.domain.node.NodeResult;
import dev.flowgate.runner.support.Flows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bug on the way from a node's answer to the run's next step ends the run at once. */
class FlowRunFailureTest {

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

	private final ExecutorService workers = Executors.newFixedThreadPool(2);

	private final FlowEngine engine = new FlowEngine(new NodeExecutors(List.of(new Broken())),
			new EngineSettings(Duration.ofSeconds(5), 4096, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE),
			new JsonCodec(), this.scheduler, this.workers, (ownerId) -> this.workers, Clock.systemUTC());

	@AfterEach
	void stop() {
		this.scheduler.shutdownNow();
		this.workers.shutdownNow();
	}

	@Test
	void endsTheRunWhenANodeThatAnsweredLaterCannotBeSettled() {
		FlowDefinition flow = Flows.flow().node("b", NodeType.TEMPLATE.token(), Map.of()).build();

		// The deadline is a minute away: the run must not wait for it.
		FlowRun run = this.engine.start("owner-1", flow, Map.of(), Instant.now().plusSeconds(60));

		assertThatThrownBy(() -> run.outcome().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.hasMessageContaining("node 'b'");
		assertThat(run.outcome()).isCompletedExceptionally();
	}

	/** Answers later, with nothing: a bug, as no node may answer so. */
	private static final class Broken implements NodeExecutor {

		@Override
		public NodeType type() {
			return NodeType.TEMPLATE;
		}

		@Override
		public CompletableFuture<NodeResult> execute(NodeCall call) {
			return CompletableFuture.supplyAsync(() -> null,
					CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
		}

	}

}
