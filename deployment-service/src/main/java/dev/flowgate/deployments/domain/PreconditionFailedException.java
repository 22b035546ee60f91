package dev.flowgate.deployments.domain;

/**
 * A write made on the strength of a revision the resource has moved on from: another
 * write came in between, and this one would undo it unseen.
 */
public class PreconditionFailedException extends RuntimeException {

	private final long currentRevision;

	public PreconditionFailedException(String resource, String id, long currentRevision) {
		super("%s '%s' has changed since it was read; read it again and retry".formatted(resource, id));
		this.currentRevision = currentRevision;
	}

	/** The revision the resource is at, for the caller to read or retry with. */
	public long currentRevision() {
		return this.currentRevision;
	}

}
