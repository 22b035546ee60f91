package dev.flowgate.runner.domain.execution;

/**
 * A trigger without any execution id: no result can be keyed to it, so it goes to the
 * dead-letter topic instead.
 */
public class InvalidTriggerException extends RuntimeException {

	public InvalidTriggerException(String message) {
		super(message);
	}

}
