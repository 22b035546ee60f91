package dev.flowgate.runner.domain.engine;

import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.runner.domain.node.NodeResult;

/**
 * How running one node ended, over all its attempts.
 *
 * @param result the output when it succeeded, otherwise {@code null}
 * @param error why it failed, otherwise {@code null}
 * @param tokenUsage the LLM tokens of every attempt, failed ones included
 */
record Invocation(NodeResult result, String error, int attempts, TokenUsage tokenUsage) {

	static Invocation succeeded(NodeResult result, int attempts, TokenUsage failedAttempts) {
		return new Invocation(result, null, attempts, failedAttempts.plus(result.tokenUsage()));
	}

	static Invocation failed(String error, int attempts, TokenUsage failedAttempts) {
		return new Invocation(null, error, attempts, failedAttempts);
	}

	boolean failed() {
		return this.error != null;
	}

}
