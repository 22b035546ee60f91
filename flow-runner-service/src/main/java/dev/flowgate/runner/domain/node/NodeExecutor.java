package dev.flowgate.runner.domain.node;

import java.util.concurrent.CompletableFuture;

/** Runs one node type. Slow work is asynchronous, so it holds no thread while waiting. */
public interface NodeExecutor {

	/** The node type token, e.g. {@code http}. */
	String type();

	/**
	 * Starts the node. Failures complete the future exceptionally, preferably with a
	 * {@link NodeFailedException}.
	 */
	CompletableFuture<NodeResult> execute(NodeCall call);

}
