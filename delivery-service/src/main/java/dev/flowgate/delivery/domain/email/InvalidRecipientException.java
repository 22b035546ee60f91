package dev.flowgate.delivery.domain.email;

/** An email address that cannot be sent to, however often we try. */
public class InvalidRecipientException extends RuntimeException {

	public InvalidRecipientException(String message, Throwable cause) {
		super(message, cause);
	}

}
