package dev.flowgate.delivery.domain.email;

/**
 * The mail server refused the message or its recipient for good (an SMTP {@code 5xx}
 * reply, such as {@code 550 5.1.1} to an unknown mailbox): retrying cannot help.
 */
public class MailRejectedException extends RuntimeException {

	public MailRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

}
