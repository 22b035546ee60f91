package dev.flowgate.runner.domain.node;

/**
 * A node could not produce its output. The message goes into the trace and the
 * execution's error, so it says what went wrong in the flow's terms.
 */
public class NodeFailedException extends RuntimeException {

	private final boolean retryable;

	public NodeFailedException(String message) {
		this(message, true);
	}

	private NodeFailedException(String message, boolean retryable) {
		super(message, null, false, false);
		this.retryable = retryable;
	}

	/** A failure that another attempt cannot fix, such as a bad setting. */
	public static NodeFailedException permanent(String message) {
		return new NodeFailedException(message, false);
	}

	public boolean isRetryable() {
		return this.retryable;
	}

}
