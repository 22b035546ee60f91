package dev.flowgate.deployments.domain;

/**
 * Another request changed the resource at the same moment, every time this one tried: the
 * request itself is fine, and retrying it shortly succeeds.
 */
public class ConcurrentChangeException extends ConflictException {

	public ConcurrentChangeException(String message) {
		super(Kind.CONCURRENT_CHANGE, message);
	}

}
