package dev.flowgate.delivery.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Results;
import dev.flowgate.infra.test.RawHttpServer;
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
	 * open until the client or the test closes it.
	 */
	private static final class StallingReceiver extends RawHttpServer {

		private final String response;

		private final AtomicInteger requests = new AtomicInteger();

		StallingReceiver(String response) {
			this.response = response;
		}

		AtomicInteger requests() {
			return this.requests;
		}

		@Override
		protected void serve(Socket connection, int number) throws IOException {
			InputStream in = connection.getInputStream();
			if (!readHead(in)) {
				return;
			}
			this.requests.incrementAndGet();
			OutputStream out = connection.getOutputStream();
			out.write(this.response.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// The request's body, and whatever else comes, is read and never answered.
			in.transferTo(OutputStream.nullOutputStream());
		}

	}

}
