package dev.flowgate.delivery.web;

/** A call that did not come through the gateway. */
class UntrustedCallerException extends RuntimeException {

	UntrustedCallerException() {
		super("Missing or wrong " + InternalHeaders.TOKEN);
	}

}
