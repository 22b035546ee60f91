package dev.flowgate.delivery.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flowgate.delivery.domain.email.MailRejectedException;
import jakarta.mail.SendFailedException;

import org.springframework.mail.MailSendException;

/**
 * Reads the SMTP server's replies out of a failed send. A reply to the message or its
 * recipient ({@link SendFailedException}, with the provider's per-address exceptions
 * chained to it) starts with its code: {@code 5xx} refuses for good, {@code 4xx} for now.
 * Failures to connect or log in carry no such reply and stay retryable: they are the
 * relay's, not the recipient's.
 */
final class SmtpRejections {

	/** RFC 5321 4.2: a reply line starts with its three-digit code. */
	private static final Pattern REPLY = Pattern.compile("^\\s*([2-5])\\d\\d[ -]");

	private static final String PERMANENT = "5";

	private static final String TRANSIENT = "4";

	private SmtpRejections() {
	}

	/**
	 * The failure as a {@link MailRejectedException} when the server rejected the message
	 * for good: a {@code 5xx} reply, and no {@code 4xx} one.
	 */
	static Optional<MailRejectedException> permanent(MailSendException failure) {
		List<String> permanent = new ArrayList<>();
		for (String reply : replies(failure)) {
			Matcher code = REPLY.matcher(reply);
			String codeClass = code.find() ? code.group(1) : "";
			if (codeClass.equals(TRANSIENT)) {
				return Optional.empty();
			}
			if (codeClass.equals(PERMANENT)) {
				permanent.add(reply.strip());
			}
		}
		if (permanent.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new MailRejectedException("Rejected: " + String.join("; ", permanent), failure));
	}

	/** The messages of the send failures in it, and of everything chained to them. */
	private static List<String> replies(MailSendException failure) {
		List<String> replies = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Exception messageFailure : failure.getMessageExceptions()) {
			if (messageFailure instanceof SendFailedException) {
				// getCause() is a MessagingException's next exception.
				for (Throwable t = messageFailure; t != null && seen.add(t); t = t.getCause()) {
					if (t.getMessage() != null) {
						replies.add(t.getMessage());
					}
				}
			}
		}
		return replies;
	}

}
