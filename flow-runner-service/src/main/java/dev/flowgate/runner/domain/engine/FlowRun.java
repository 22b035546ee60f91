package dev.flowgate.runner.domain.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.runner.domain.node.CancellationScope;
import dev.flowgate.runner.domain.node.NodeCall;
import dev.flowgate.runner.domain.template.TemplateScope;

/**
 * One execution of a flow. A node starts once all its upstream nodes are settled, at
 * least one incoming edge is active (its source succeeded and, leaving a condition, the
 * branch matches) and no condition that ruled an edge out is left unanswered by another
 * branch ({@link BranchGates}); otherwise it is skipped, and so may be what follows it.
 * Independent branches run concurrently. The first failure, the deadline, {@link #stop()}
 * or {@link #cancel()} ends the run and cancels the nodes still running.
 */
public final class FlowRun {

	/** Why a run the owner cancelled ended. */
	public static final ExecutionError STOPPED = new ExecutionError(null, ExecutionError.CANCELLED,
			"the execution was cancelled at the owner's request");

	private final FlowGraph graph;

	private final Map<String, Object> inputs;

	private final NodeInvoker invoker;

	private final TraceLog trace;

	private final RunState state;

	private final Clock clock;

	private final Instant startedAt;

	private final CancellationScope cancellation = new CancellationScope();

	private final CompletableFuture<FlowOutcome> outcome = new CompletableFuture<>();

	private boolean over;

	/**
	 * @param outputs what its nodes' outputs may take: of the run, and of the runner's
	 */
	FlowRun(FlowGraph graph, Map<String, Object> inputs, NodeInvoker invoker, TraceLog trace, RunOutputs outputs,
			Clock clock) {
		this.graph = graph;
		this.inputs = inputs;
		this.invoker = invoker;
		this.trace = trace;
		this.state = new RunState(graph, trace, outputs.maxBytes(), outputs.held(), outputs.ownerId());
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	/** Completes when the run ends; cancelled when the run is. */
	public CompletableFuture<FlowOutcome> outcome() {
		return this.outcome;
	}

	/** Abandons the run: its nodes are cancelled and it reports no outcome. */
	public void cancel() {
		synchronized (this) {
			this.over = true;
			this.state.releaseOutputs();
		}
		this.cancellation.cancel();
		this.outcome.cancel(false);
	}

	/**
	 * Ends the run as cancelled at the owner's request: the nodes still running are
	 * cancelled, and the outcome says so. A run already over keeps its outcome.
	 */
	public void stop() {
		FlowOutcome stopped;
		synchronized (this) {
			if (this.over) {
				return;
			}
			stopped = end(ExecutionStatus.CANCELLED, STOPPED, "cancelled: the owner cancelled the execution");
		}
		publish(stopped);
	}

	void start() {
		List<FlowNode> ready;
		synchronized (this) {
			ready = this.state.claim(this.graph.sources(), this.clock.instant());
		}
		launchAll(ready);
	}

	void timeOut() {
		FlowOutcome timedOut;
		synchronized (this) {
			if (this.over) {
				return;
			}
			timedOut = end(ExecutionStatus.TIMED_OUT,
					new ExecutionError(null, ExecutionError.TIMEOUT,
							"the execution did not finish before its deadline"),
					"cancelled: the execution reached its deadline");
		}
		publish(timedOut);
	}

	/**
	 * Launches nodes. Those that answer at once (immediate nodes) are settled in this
	 * loop rather than in nested calls, so a long chain of them does not deepen the
	 * stack; the others settle, and launch what follows, on the thread that completes
	 * them.
	 */
	private void launchAll(List<FlowNode> nodes) {
		Deque<FlowNode> pending = new ArrayDeque<>(nodes);
		try {
			while (!pending.isEmpty()) {
				FlowNode node = pending.poll();
				CompletableFuture<Invocation> invocation = launch(node);
				if (invocation == null) {
					continue;
				}
				if (invocation.isDone()) {
					pending.addAll(settle(node, invocation.join()));
				}
				else {
					invocation.whenComplete((done, failure) -> settleLater(node, done, failure));
				}
			}
		}
		catch (RuntimeException ex) {
			failInternally(ex);
		}
	}

	/** On the thread that completed the node, a bug there included. */
	private void settleLater(FlowNode node, Invocation done, Throwable failure) {
		try {
			if (failure != null) {
				throw new IllegalStateException("node '%s' ended without an invocation".formatted(node.id()), failure);
			}
			launchAll(settle(node, done));
		}
		catch (RuntimeException ex) {
			failInternally(ex);
		}
	}

	/**
	 * A bug while launching or settling nodes: the run ends with the failure, rather than
	 * wait for its deadline with a node neither running nor settled. Also when the bug
	 * struck while the run was ending: an outcome already given stays.
	 */
	private void failInternally(RuntimeException failure) {
		synchronized (this) {
			this.over = true;
		}
		this.cancellation.cancel();
		this.outcome.completeExceptionally(failure);
	}

	/** The node's invocation; {@code null} once the run is over. */
	private CompletableFuture<Invocation> launch(FlowNode node) {
		NodeCall call;
		NodeAttempts attempts;
		synchronized (this) {
			if (this.over) {
				return null;
			}
			call = new NodeCall(node, new TemplateScope(this.inputs, this.state.upstreamOutputs(node)),
					this.cancellation);
			attempts = this.state.attempts(node);
		}
		return this.invoker.invoke(call, attempts);
	}

	/** Records how the node ended; the nodes it made ready. */
	private List<FlowNode> settle(FlowNode node, Invocation finished) {
		List<FlowNode> ready = List.of();
		FlowOutcome ended = null;
		synchronized (this) {
			if (this.over) {
				return List.of();
			}
			Instant now = this.clock.instant();
			String refusal = finished.failed() ? null : this.state.refusal(finished);
			Invocation invocation = (refusal != null)
					? Invocation.failed(refusal, finished.attempts(), finished.tokenUsage()) : finished;
			if (invocation.failed()) {
				this.state.failed(node, now, invocation);
				ended = end(ExecutionStatus.FAILED,
						new ExecutionError(node.id(), ExecutionError.NODE_FAILED, invocation.error()),
						"cancelled: node '%s' failed".formatted(node.id()));
			}
			else {
				ready = this.state.succeeded(node, now, invocation);
				if (this.state.isIdle()) {
					ended = end(ExecutionStatus.SUCCEEDED, null, null);
				}
			}
		}
		publish(ended);
		return ready;
	}

	/** Closes the run under the lock; {@link #publish} then acts outside it. */
	private FlowOutcome end(ExecutionStatus status, ExecutionError error, String abandonReason) {
		this.over = true;
		Instant now = this.clock.instant();
		this.state.abandonRunning(now, abandonReason);
		Map<String, Object> outputs = (status == ExecutionStatus.SUCCEEDED) ? this.state.namedOutputs() : Map.of();
		this.state.releaseOutputs();
		return new FlowOutcome(status, outputs, error, this.trace.entries(), this.trace.tokenUsage(), this.startedAt,
				now);
	}

	private void publish(FlowOutcome ended) {
		if (ended != null) {
			this.cancellation.cancel();
			this.outcome.complete(ended);
		}
	}

}
