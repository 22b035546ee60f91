package dev.flowgate.deployments.web;

/** A call that did not come through the gateway. */
class UnauthenticatedCallException extends RuntimeException {

	UnauthenticatedCallException(String message) {
		super(message);
	}

}
