package dev.flowgate.delivery.domain.signing;

/**
 * An owner's stored signing secret cannot be read (say, the key it was encrypted with is
 * not configured): nothing can be signed for that owner until it can.
 */
public class UnreadableSecretException extends RuntimeException {

	public UnreadableSecretException(String message, Throwable cause) {
		super(message, cause);
	}

}
