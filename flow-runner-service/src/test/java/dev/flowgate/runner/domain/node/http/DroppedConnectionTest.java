package dev.flowgate.runner.domain.node.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.runner.domain.engine.FlowOutcome;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that drops the connection after reading the request, before answering: a
 * kept-alive connection it had just closed, or one it shed under a burst.
 */
class DroppedConnectionTest {

	private final EngineFixture fixture = new EngineFixture("http://127.0.0.1:9");

	private final DroppingServer server = new DroppingServer();

	@AfterEach
	void stop() throws IOException {
		this.fixture.close();
		this.server.close();
	}

	@Test
	void sendsAGetOnceMoreWithinTheSameAttempt() {
		FlowOutcome outcome = this.fixture.run(call("GET"), Map.of());

		assertThat(outcome.status()).as(String.valueOf(outcome.error())).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(outcome.trace().get(0).attempts()).isEqualTo(1);
		assertThat(this.server.requests).hasValue(2);
	}

	@Test
	void neverSendsAPostTwice() {
		FlowOutcome outcome = this.fixture.run(call("POST"), Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(this.server.requests).hasValue(1);
	}

	private FlowDefinition call(String method) {
		return Flows.flow()
			.node("call", "http", Map.of("method", method, "url", "http://127.0.0.1:" + this.server.port() + "/x"))
			.build();
	}

	/** Drops the first request's connection unanswered, answers the others. */
	private static final class DroppingServer implements AutoCloseable {

		private final ServerSocket socket;

		private final AtomicInteger requests = new AtomicInteger();

		DroppingServer() {
			try {
				this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread acceptor = new Thread(this::serve, "dropping-server");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket connection = this.socket.accept()) {
					readHead(connection.getInputStream());
					if (this.requests.incrementAndGet() > 1) {
						OutputStream out = connection.getOutputStream();
						out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
								+ "Connection: close\r\n\r\n{}")
							.getBytes(StandardCharsets.US_ASCII));
						out.flush();
					}
				}
				catch (IOException ex) {
					// Closed by the test, or by the client.
				}
			}
		}

		private static void readHead(InputStream in) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
				int next = in.read();
				if (next < 0) {
					return;
				}
				head.write(next);
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
