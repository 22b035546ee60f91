package dev.flowgate.delivery.messaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.config.DeliveryProperties;
import dev.flowgate.delivery.domain.TestJson;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome.Verdict;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.Message;
import dev.flowgate.delivery.domain.email.EmailChannel;
import dev.flowgate.delivery.domain.email.InvalidRecipientException;
import dev.flowgate.infra.EmbeddedMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Email attempts end within their timeout, waiting for an SMTP thread included. */
class SmtpMailTransportTest {

	private final SilentServer server = new SilentServer();

	private final SmtpMailTransport transport = new SmtpMailTransport(sender(this.server.port()),
			properties(Map.of("from", "flowgate@localhost", "threads", "1", "timeout", "300ms")));

	@AfterEach
	void stop() throws IOException {
		this.transport.close();
		this.server.close();
	}

	@Test
	void givesUpOnAMessageThatWaitedItsWholeTimeoutAndNeverSendsIt() {
		Message message = new Message("subject", "text", "<p>html</p>");
		CompletableFuture<Void> first = this.transport.send("a@example.com", message, "delivery-a.0");
		CompletableFuture<Void> queued = this.transport.send("b@example.com", message, "delivery-b.0");

		assertThatThrownBy(queued::join).hasCauseInstanceOf(TimeoutException.class);
		// The first holds the only thread until the server's silence times it out.
		await().until(first::isDone);
		// And the queued one is not sent late: one connection, and it stays one.
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.server.connections).hasSize(1));
	}

	@Test
	void refusesAListOfRecipientsOrAnAddressWithoutADomain() {
		Message message = new Message("subject", "text", "<p>html</p>");

		for (String to : new String[] { "ops,billing,ceo@example.com", "ops", "ceo@example.com; cfo@example.com" }) {
			assertThatThrownBy(() -> this.transport.send(to, message, "delivery.0").join()).as(to)
				.hasCauseInstanceOf(InvalidRecipientException.class);
		}
		assertThat(this.server.connections).isEmpty();
	}

	/**
	 * An attempt that timed out after the server took the message is retried: the copy
	 * carries the same {@code Message-ID}, so the recipient's mail client shows it once
	 * (as the embedded server's list does). Another round is another message.
	 */
	@Test
	void sendsEachAttemptOfOneMessageUnderOneMessageId() throws Exception {
		Message message = new Message("subject", "text", "<p>html</p>");
		try (EmbeddedMail mail = EmbeddedMail.start(0, 0);
				SmtpMailTransport transport = new SmtpMailTransport(sender(mail.smtpPort()), properties(
						Map.of("from", "Flowgate <flowgate@example.com>", "threads", "1", "timeout", "10s")))) {
			transport.send("ops@example.com", message, "delivery-1.0").join();
			transport.send("ops@example.com", message, "delivery-1.0").join();
			transport.send("ops@example.com", message, "delivery-1.2").join();

			assertThat(mail.received()).hasSize(2);
		}
	}

	@Test
	void anSmtpServersPermanentRejectionOfTheRecipientFailsTheDeliveryForGood() throws IOException {
		try (RejectingServer server = new RejectingServer("550 5.1.1 <nobody@example.com>: User unknown");
				SmtpMailTransport transport = new SmtpMailTransport(sender(server.port()),
						properties(Map.of("from", "flowgate@localhost", "threads", "1", "timeout", "10s")))) {
			AttemptOutcome outcome = emailChannel(transport).send(emailTo("nobody@example.com")).join();

			assertThat(outcome.verdict()).isEqualTo(Verdict.PERMANENT);
			assertThat(outcome.error()).isEqualTo("SMTP: Rejected: 550 5.1.1 <nobody@example.com>: User unknown");
			assertThat(server.recipients).containsExactly("<nobody@example.com>");
		}
	}

	@Test
	void anSmtpServersTemporaryRejectionOfTheRecipientIsRetried() throws IOException {
		try (RejectingServer server = new RejectingServer("452 4.2.2 <full@example.com>: Mailbox full");
				SmtpMailTransport transport = new SmtpMailTransport(sender(server.port()),
						properties(Map.of("from", "flowgate@localhost", "threads", "1", "timeout", "10s")))) {
			AttemptOutcome outcome = emailChannel(transport).send(emailTo("full@example.com")).join();

			assertThat(outcome.verdict()).isEqualTo(Verdict.RETRYABLE);
			assertThat(outcome.error()).contains("452 4.2.2");
		}
	}

	private static EmailChannel emailChannel(SmtpMailTransport transport) {
		return new EmailChannel(new TestJson(), transport, Long.MAX_VALUE, Runnable::run, Clock.systemUTC());
	}

	private static Delivery emailTo(String to) {
		Instant now = Instant.now();
		return new Delivery("delivery-1", "execution-1", "owner-1", "deployment-1", DeliveryChannel.EMAIL, to, "smtp",
				new Message("subject", "text", "<p>html</p>"), DeliveryStatus.PENDING, 0, 0, now, null, now, now, null,
				null);
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties smtp = new Properties();
		smtp.put("mail.smtp.connectiontimeout", "1000");
		smtp.put("mail.smtp.timeout", "1000");
		sender.setJavaMailProperties(smtp);
		return sender;
	}

	private static DeliveryProperties properties(Map<String, String> email) {
		Map<String, String> source = new HashMap<>();
		email.forEach((name, value) -> source.put("flowgate.delivery.email." + name, value));
		return new Binder(new MapConfigurationPropertySource(source))
			.bind("flowgate.delivery", DeliveryProperties.class)
			.get();
	}

	/**
	 * An SMTP server that answers every recipient with one reply, and everything else
	 * with success.
	 */
	private static final class RejectingServer implements AutoCloseable {

		private final ServerSocket socket;

		private final String rcptReply;

		private final List<String> recipients = new CopyOnWriteArrayList<>();

		RejectingServer(String rcptReply) throws IOException {
			this.rcptReply = rcptReply;
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(this::serve, "rejecting-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket connection = this.socket.accept();
						BufferedReader in = new BufferedReader(
								new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
						Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.US_ASCII)) {
					converse(in, out);
				}
				catch (IOException ex) {
					// The client hung up, or the test closed the server.
				}
			}
		}

		private void converse(BufferedReader in, Writer out) throws IOException {
			reply(out, "220 localhost ESMTP");
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("RCPT TO:")) {
					this.recipients.add(line.substring("RCPT TO:".length()).trim());
					reply(out, this.rcptReply);
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 Bye");
					return;
				}
				else {
					reply(out, "250 OK");
				}
			}
		}

		private static void reply(Writer out, String line) throws IOException {
			out.write(line + "\r\n");
			out.flush();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/** Accepts connections and never greets: an SMTP relay that has stopped answering. */
	private static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Socket> connections = new CopyOnWriteArrayList<>();

		SilentServer() {
			try {
				this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread acceptor = new Thread(this::accept, "silent-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void accept() {
			try {
				while (true) {
					this.connections.add(this.socket.accept());
				}
			}
			catch (IOException ex) {
				// The test closed the server.
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			for (Socket connection : this.connections) {
				connection.close();
			}
		}

	}

}
