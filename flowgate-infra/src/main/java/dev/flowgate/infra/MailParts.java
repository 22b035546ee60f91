package dev.flowgate.infra;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Turns a stored MIME message into a {@link ReceivedMail}. */
final class MailParts {

	private static final Address[] NO_ADDRESSES = {};

	private MailParts() {
	}

	static ReceivedMail toReceivedMail(StoredMessage stored) {
		MimeMessage message = stored.getMimeMessage();
		try {
			Address[] from = message.getFrom();
			Address[] to = Optional.ofNullable(message.getRecipients(RecipientType.TO)).orElse(NO_ADDRESSES);
			return new ReceivedMail((from != null && from.length > 0) ? from[0].toString() : null,
					Arrays.stream(to).map(Address::toString).toList(), message.getSubject(),
					body(message, "text/plain"), body(message, "text/html"), stored.getReceivedDate().toInstant());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Unreadable mail received", ex);
		}
	}

	static String messageId(StoredMessage stored) {
		try {
			return stored.getMimeMessage().getMessageID();
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	/**
	 * The first part of this MIME type, searching nested multiparts (alternative, mixed).
	 */
	private static String body(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return part.getContent().toString();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = body(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
