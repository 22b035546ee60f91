package dev.flowgate.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GreenMail SMTP on 127.0.0.1, in this JVM, plus a small HTTP endpoint
 * {@code GET /messages} listing what it received as JSON, for scripts and tests of the
 * running stack.
 */
public final class EmbeddedMail implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMail.class);

	private static final String HOST = "127.0.0.1";

	private static final int HTTP_OK = 200;

	private static final int METHOD_NOT_ALLOWED = 405;

	private final GreenMail greenMail;

	private final HttpServer http;

	private EmbeddedMail(GreenMail greenMail, HttpServer http) {
		this.greenMail = greenMail;
		this.http = http;
	}

	/** Starts SMTP and the {@code /messages} endpoint; a port of 0 picks a free one. */
	public static EmbeddedMail start(int smtpPort, int httpPort) {
		ServerSetup smtp = new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP);
		GreenMail greenMail = new GreenMail((smtpPort != 0) ? smtp : smtp.dynamicPort());
		greenMail.start();
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(HOST, httpPort), 0);
			EmbeddedMail mail = new EmbeddedMail(greenMail, http);
			http.createContext("/messages", mail::serveMessages);
			http.start();
			log.info("GreenMail SMTP on {}:{}, received mail at {}", HOST, mail.smtpPort(), mail.messagesUri());
			return mail;
		}
		catch (IOException ex) {
			greenMail.stop();
			throw new UncheckedIOException("Could not listen on " + HOST + ":" + httpPort, ex);
		}
	}

	public String smtpHost() {
		return HOST;
	}

	public int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	public int httpPort() {
		return this.http.getAddress().getPort();
	}

	/** {@code http://127.0.0.1:PORT/messages}. */
	public URI messagesUri() {
		return URI.create("http://" + HOST + ":" + httpPort() + "/messages");
	}

	/** Every mail received so far, oldest first, once per mail (not per recipient). */
	public List<ReceivedMail> received() {
		Map<Object, ReceivedMail> byMessageId = new LinkedHashMap<>();
		for (StoredMessage stored : this.greenMail.getManagers().getImapHostManager().getAllMessages()) {
			String messageId = MailParts.messageId(stored);
			byMessageId.putIfAbsent((messageId != null) ? messageId : stored, MailParts.toReceivedMail(stored));
		}
		return byMessageId.values().stream().sorted(Comparator.comparing(ReceivedMail::receivedAt)).toList();
	}

	/** Forgets every mail received so far. */
	public void clear() {
		try {
			this.greenMail.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException("Could not purge the received mail", ex);
		}
	}

	public void stop() {
		this.http.stop(0);
		this.greenMail.stop();
	}

	@Override
	public void close() {
		stop();
	}

	private void serveMessages(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "GET");
				exchange.sendResponseHeaders(METHOD_NOT_ALLOWED, -1);
				return;
			}
			byte[] body = MailJson.toJson(received()).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(HTTP_OK, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
