package dev.flowgate.delivery.domain.callback;

/** A callback URL that cannot be posted to. */
public class InvalidCallbackUrlException extends IllegalArgumentException {

	InvalidCallbackUrlException(String message) {
		super(message);
	}

}
