package dev.flowgate.delivery.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flowgate.delivery.config.DeliveryProperties;
import dev.flowgate.delivery.domain.delivery.Message;
import dev.flowgate.delivery.domain.email.InvalidRecipientException;
import dev.flowgate.delivery.domain.email.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Email through Spring's {@link JavaMailSender}. SMTP is blocking, so sends run on a
 * small executor of their own and a slow mail server never holds up callbacks.
 */
@Component
class SmtpMailTransport implements MailTransport, AutoCloseable {

	private static final String DEFAULT_DOMAIN = "flowgate.invalid";

	private final JavaMailSender sender;

	private final String from;

	private final String messageIdDomain;

	private final ExecutorService executor;

	private final Duration timeout;

	SmtpMailTransport(JavaMailSender sender, DeliveryProperties properties) {
		this.sender = sender;
		this.from = properties.email().from();
		this.messageIdDomain = domainOf(this.from);
		this.timeout = properties.email().timeout();
		this.executor = Executors.newFixedThreadPool(properties.email().threads(),
				new CustomizableThreadFactory("delivery-smtp-"));
	}

	@Override
	public CompletableFuture<Void> send(String to, Message message, String messageKey) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		return CompletableFuture.runAsync(() -> sendBefore(deadline, to, message, messageKey), this.executor)
			.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void sendBefore(long deadline, String to, Message message, String messageKey) {
		// Its attempt timed out while it waited behind other mail: sent now, it would be
		// sent twice, once more when the attempt is retried. Failed, not skipped, should
		// the timeout not have fired yet: a skip would count as sent.
		if (System.nanoTime() - deadline >= 0) {
			throw new CompletionException(new TimeoutException("Not sent within " + this.timeout));
		}
		try {
			this.sender.send(mime(to, message, messageKey));
		}
		catch (MailSendException ex) {
			SmtpRejections.permanent(ex).ifPresent((rejected) -> {
				throw rejected;
			});
			throw ex;
		}
	}

	@Override
	public void close() {
		this.executor.shutdown();
	}

	private MimeMessage mime(String to, Message message, String messageKey) {
		InternetAddress[] recipients = recipients(to);
		MimeMessage mime = this.sender.createMimeMessage();
		try {
			// JavaMailSenderImpl keeps a Message-ID set here.
			mime.setHeader("Message-ID", "<" + messageKey + "@" + this.messageIdDomain + ">");
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(recipients);
			helper.setSubject(message.subject());
			helper.setText(message.body(), message.html());
			return mime;
		}
		catch (MessagingException ex) {
			throw new CompletionException(ex);
		}
	}

	/** The sender's domain, for the {@code Message-ID}s. */
	private static String domainOf(String from) {
		try {
			String address = new InternetAddress(from).getAddress();
			int at = address.lastIndexOf('@');
			return (at > 0 && at < address.length() - 1) ? address.substring(at + 1) : DEFAULT_DOMAIN;
		}
		catch (AddressException ex) {
			return DEFAULT_DOMAIN;
		}
	}

	/** One address with a domain: a list would mail people the owner never named. */
	private static InternetAddress[] recipients(String to) {
		try {
			InternetAddress address = new InternetAddress(to, true);
			address.validate();
			if (address.getAddress().indexOf('@') < 1) {
				throw new InvalidRecipientException("No domain in email address '" + to + "'", null);
			}
			return new InternetAddress[] { address };
		}
		catch (AddressException ex) {
			throw new InvalidRecipientException("Invalid email address '" + to + "': " + ex.getMessage(), ex);
		}
	}

}
