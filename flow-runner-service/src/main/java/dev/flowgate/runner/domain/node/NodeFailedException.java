package dev.flowgate.runner.domain.node;

import dev.flowgate.contracts.TokenUsage;

/**
 * A node could not produce its output. The message goes into the trace and the
 * execution's error, so it says what went wrong in the flow's terms.
 */
public class NodeFailedException extends RuntimeException {

	private final boolean retryable;

	private final TokenUsage tokenUsage;

	public NodeFailedException(String message) {
		this(message, true, TokenUsage.NONE);
	}

	private NodeFailedException(String message, boolean retryable, TokenUsage tokenUsage) {
		super(message, null, false, false);
		this.retryable = retryable;
		this.tokenUsage = tokenUsage;
	}

	/** A failure that another attempt cannot fix, such as a bad setting. */
	public static NodeFailedException permanent(String message) {
		return new NodeFailedException(message, false, TokenUsage.NONE);
	}

	/** The same failure of an attempt that used LLM tokens all the same. */
	public NodeFailedException withTokenUsage(TokenUsage used) {
		return new NodeFailedException(getMessage(), this.retryable, used);
	}

	public boolean isRetryable() {
		return this.retryable;
	}

	public TokenUsage tokenUsage() {
		return this.tokenUsage;
	}

}
