package dev.flowgate.internal;

/** A call that did not come through the gateway. */
final class UntrustedCallerException extends RuntimeException {

	UntrustedCallerException() {
		super("Missing or wrong " + InternalHeaders.TOKEN);
	}

}
