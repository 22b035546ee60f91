package dev.flowgate.deployments.domain;

/** The request is valid but clashes with the current state. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
