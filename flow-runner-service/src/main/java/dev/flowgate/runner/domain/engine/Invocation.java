package dev.flowgate.runner.domain.engine;

import dev.flowgate.runner.domain.node.NodeResult;

/**
 * How running one node ended, over all its attempts.
 *
 * @param result the output when it succeeded, otherwise {@code null}
 * @param error why it failed, otherwise {@code null}
 */
record Invocation(NodeResult result, String error, int attempts) {

	boolean failed() {
		return this.error != null;
	}

}
