package dev.flowgate.delivery.domain.email;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.delivery.domain.delivery.Message;

/** Sends a text + HTML email without blocking the caller. */
public interface MailTransport {

	/**
	 * Completes when the SMTP server accepted the message, or exceptionally; an
	 * {@link InvalidRecipientException} when the address can never work, a
	 * {@link MailRejectedException} when the server refused it for good.
	 * @param messageKey unique to the message, the same for each attempt to send it: the
	 * local part of its {@code Message-ID}
	 */
	CompletableFuture<Void> send(String to, Message message, String messageKey);

}
