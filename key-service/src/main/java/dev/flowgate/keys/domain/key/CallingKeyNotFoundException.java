package dev.flowgate.keys.domain.key;

/**
 * The key a call was made with is gone (deleted since the gateway let the call through):
 * what it may make cannot be bounded, so it makes nothing.
 */
public class CallingKeyNotFoundException extends RuntimeException {

	public CallingKeyNotFoundException(String keyId) {
		super("The key this call was made with (" + keyId + ") no longer exists");
	}

}
