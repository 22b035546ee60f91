package dev.flowgate.delivery.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Results;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receiver's status is its answer: a {@code 200} whose body never ends is delivered
 * once, not timed out and sent again. The test profile waits 300 ms for the rest of a
 * body; the timeout is long here, so that only a waited-for body could reach it.
 */
@DeliveryIntegrationTest
// As HangingDestinationTest: one Spring context for both.
@TestPropertySource(properties = { "flowgate.delivery.callback.timeout=6s", "flowgate.delivery.dispatch.lease=20s" })
class StalledResponseBodyTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(6);

	/** Announces 100000 bytes, sends 8 and holds the connection open. */
	private static final String STALLED_OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
			+ "Content-Length: 100000\r\n\r\naccepted";

	@Autowired
	private Deliveries deliveries;

	@Test
	void aSuccessWhoseBodyNeverEndsIsDeliveredAfterOneAttempt() {
		String owner = "owner-" + UUID.randomUUID();
		try (StallingReceiver receiver = new StallingReceiver(STALLED_OK)) {
			for (int i = 0; i < 2; i++) {
				ExecutionCompleted result = Results.succeeded(owner, "dep-stalled", receiver.url("/hook"), null,
						Map.of("n", i));

				this.deliveries.publish(result);
				JsonNode delivery = this.deliveries.awaitStatus(owner, result.executionId(), "succeeded");

				JsonNode attempt = delivery.get("attempts").get(0);
				assertThat(delivery.get("attemptCount").asInt()).isEqualTo(1);
				assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
				assertThat(attempt.get("responseSnippet").asString()).isEqualTo("accepted");
				assertThat(attempt.get("latencyMillis").asLong()).isLessThan(TIMEOUT.toMillis() / 2);
			}
			// The connection with unread data was closed, not used for the second
			// callback.
			assertThat(receiver.requests()).hasValue(2);
			assertThat(receiver.connections()).isEqualTo(2);
		}
	}

	/**
	 * Answers one request per connection with the given bytes, then holds the connection
	 * open until closed.
	 */
	private static final class StallingReceiver implements AutoCloseable {

		private final ServerSocket server;

		private final String response;

		private final ExecutorService threads = Executors.newCachedThreadPool();

		private final List<Socket> sockets = new CopyOnWriteArrayList<>();

		private final AtomicInteger requests = new AtomicInteger();

		StallingReceiver(String response) {
			this.response = response;
			try {
				this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.threads.execute(this::accept);
		}

		String url(String path) {
			return "http://127.0.0.1:" + this.server.getLocalPort() + path;
		}

		AtomicInteger requests() {
			return this.requests;
		}

		int connections() {
			return this.sockets.size();
		}

		private void accept() {
			try {
				while (!this.server.isClosed()) {
					Socket socket = this.server.accept();
					this.sockets.add(socket);
					this.threads.execute(() -> answer(socket));
				}
			}
			catch (IOException ex) {
				// Closed.
			}
		}

		private void answer(Socket socket) {
			try {
				InputStream in = socket.getInputStream();
				readRequest(in);
				this.requests.incrementAndGet();
				OutputStream out = socket.getOutputStream();
				out.write(this.response.getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			catch (IOException ex) {
				// Closed by the client or at the end of the test.
			}
		}

		private static void readRequest(InputStream in) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
				int next = in.read();
				if (next < 0) {
					throw new IOException("Closed before the request ended");
				}
				head.write(next);
			}
			String headers = head.toString(StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
			int at = headers.indexOf("content-length:");
			if (at >= 0) {
				String length = headers.substring(at + "content-length:".length(), headers.indexOf("\r\n", at));
				in.readNBytes(Integer.parseInt(length.trim()));
			}
		}

		@Override
		public void close() {
			try {
				this.server.close();
				for (Socket socket : this.sockets) {
					socket.close();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				this.threads.shutdownNow();
			}
		}

	}

}
