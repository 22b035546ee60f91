package dev.flowgate.deployments.domain;

/** The request is valid but clashes with the current state. */
public class ConflictException extends RuntimeException {

	/** What the request clashes with: callers tell these apart. */
	public enum Kind {

		/** Another request changed the resource at the same moment. */
		CONCURRENT_CHANGE,
		/** The owner has as many of these as one may have. */
		LIMIT_REACHED,
		/** Another resource uses it. */
		IN_USE,
		/** The execution has finished. */
		ALREADY_FINISHED,
		/** The execution cannot run again. */
		NOT_REPLAYABLE

	}

	private final Kind kind;

	public ConflictException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

}
