package dev.flowgate.runner.domain.node;

import dev.flowgate.contracts.TokenUsage;

/** What a node produced, and the LLM tokens it used. */
public record NodeResult(Object output, TokenUsage tokenUsage) {

	public NodeResult {
		tokenUsage = (tokenUsage != null) ? tokenUsage : TokenUsage.NONE;
	}

	public static NodeResult of(Object output) {
		return new NodeResult(output, TokenUsage.NONE);
	}

}
