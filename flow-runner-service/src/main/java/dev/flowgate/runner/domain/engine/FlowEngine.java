package dev.flowgate.runner.domain.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.NodeExecutors;

/** Starts flow runs. Runs are asynchronous: no thread waits while a node does. */
public final class FlowEngine {

	private final NodeExecutors executors;

	private final EngineSettings settings;

	private final JsonCodec json;

	private final ScheduledExecutorService scheduler;

	private final Executor workers;

	private final Function<String, Executor> evaluators;

	private final Clock clock;

	private final HeldOutputs heldOutputs;

	/**
	 * @param scheduler runs deadlines, per-node timeouts and retry backoffs
	 * @param workers runs the nodes' own (short) work, such as starting a request
	 * @param evaluators the threads an owner's runs evaluate expressions on
	 */
	public FlowEngine(NodeExecutors executors, EngineSettings settings, JsonCodec json,
			ScheduledExecutorService scheduler, Executor workers, Function<String, Executor> evaluators, Clock clock) {
		this.executors = executors;
		this.settings = settings;
		this.json = json;
		this.scheduler = scheduler;
		this.workers = workers;
		this.evaluators = evaluators;
		this.clock = clock;
		this.heldOutputs = new HeldOutputs(settings.maxHeldOutputBytes(), settings.maxHeldOutputBytesPerOwner());
	}

	/**
	 * Starts running an owner's {@code flow}; past {@code deadline} the run ends timed
	 * out.
	 * @throws InvalidFlowException when the flow cannot run at all
	 */
	public FlowRun start(String ownerId, FlowDefinition flow, Map<String, Object> inputs, Instant deadline) {
		FlowGraph graph = FlowGraph.of(flow, (type) -> this.executors.forType(type).isPresent());
		NodeInvoker invoker = new NodeInvoker(this.executors, this.settings, this.scheduler, this.workers,
				this.evaluators.apply(ownerId));
		FlowRun run = new FlowRun(graph, inputs, invoker, new TraceLog(this.json, this.settings.traceOutputMaxChars()),
				new RunOutputs(this.settings.maxRunOutputBytes(), this.heldOutputs, ownerId), this.clock);
		long remainingMillis = Duration.between(this.clock.instant(), deadline).toMillis();
		if (remainingMillis <= 0) {
			run.timeOut();
			return run;
		}
		run.start();
		// A flow of immediate nodes has ended by now and needs no timer.
		if (!run.outcome().isDone()) {
			ScheduledFuture<?> timer = this.scheduler.schedule(run::timeOut, remainingMillis, TimeUnit.MILLISECONDS);
			run.outcome().whenComplete((outcome, failure) -> timer.cancel(false));
		}
		return run;
	}

}
