package dev.flowgate.runner.domain.node;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.flowrules.NodeType;

/** Runs one node type. Slow work is asynchronous, so it holds no thread while waiting. */
public interface NodeExecutor {

	/** The node type it runs. */
	NodeType type();

	/**
	 * Starts the node. Failures complete the future exceptionally, preferably with a
	 * {@link NodeFailedException}.
	 */
	CompletableFuture<NodeResult> execute(NodeCall call);

	/**
	 * Whether the node's work is small and bounded (no I/O, no expression of the flow's
	 * author) and answers at once: it then runs on the thread that settled its upstream
	 * nodes, with no timeout and no retries, since handing it to a worker under a timer
	 * costs more than the work.
	 */
	default boolean isImmediate() {
		return false;
	}

	/**
	 * Whether an attempt that timed out may be tried again: not for work on the runner's
	 * own CPU (an expression of the flow's author), which would only take that time
	 * again.
	 */
	default boolean retriesTimeouts() {
		return true;
	}

	/**
	 * Whether its work is evaluating an expression, on the CPU for as long as the
	 * expression takes: it then runs on the evaluation threads, so that long evaluations
	 * delay one another but never the nodes that wait on the network.
	 */
	default boolean evaluates() {
		return false;
	}

}
