package dev.flowgate.runner.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import dev.flowgate.infra.test.RawHttpServer;
import dev.flowgate.runner.domain.node.http.HttpReply;
import dev.flowgate.runner.domain.node.http.OutboundRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The node client's kept-alive connections, behind what a NAT does to them: one left idle
 * too long is forgotten, and requests sent on it are never answered.
 */
class IdleConnectionTest {

	private static final Duration MAX_IDLE = Duration.ofMillis(300);

	private static final Duration FORGOTTEN_AFTER = MAX_IDLE.multipliedBy(3);

	private final ForgettingServer server = new ForgettingServer();

	/** Longer than any pause of a loaded machine, for the reuse case. */
	private static final Duration LONG_IDLE = Duration.ofSeconds(30);

	private final ApacheHttpTransport transport;

	private final ApacheHttpTransport patientTransport;

	IdleConnectionTest() throws NoSuchAlgorithmException {
		this.transport = transport(MAX_IDLE);
		this.patientTransport = transport(LONG_IDLE);
	}

	@AfterEach
	void stop() throws IOException {
		this.transport.close();
		this.patientTransport.close();
		this.server.close();
	}

	@Test
	void reusesAConnectionInUse() throws Exception {
		assertThat(get(this.patientTransport).status()).isEqualTo(200);
		// Back in the pool a moment after the reply completes.
		Thread.sleep(MAX_IDLE.toMillis() / 3);
		assertThat(get(this.patientTransport).status()).isEqualTo(200);

		assertThat(this.server.connections()).isEqualTo(1);
	}

	@Test
	void closesAConnectionLeftIdleSoTheNextRequestTakesAFreshOne() throws Exception {
		assertThat(get().status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.server.closedByClient.contains(1));
		Thread.sleep(FORGOTTEN_AFTER.toMillis());
		assertThat(get().status()).isEqualTo(200);
		assertThat(this.server.connections()).isEqualTo(2);
		assertThat(this.server.unanswered).hasValue(0);
	}

	private static ApacheHttpTransport transport(Duration maxIdle) throws NoSuchAlgorithmException {
		return new ApacheHttpTransport(new PoolSettings(Duration.ofSeconds(2), 8, 8, maxIdle), SSLContext.getDefault(),
				Runnable::run);
	}

	private HttpReply get() throws Exception {
		return get(this.transport);
	}

	private HttpReply get(ApacheHttpTransport transport) throws Exception {
		OutboundRequest request = OutboundRequest.get(URI.create("http://127.0.0.1:" + this.server.port() + "/x"));
		return transport.send(request, List.of(InetAddress.getLoopbackAddress()), 1024).get(5, TimeUnit.SECONDS);
	}

	/**
	 * Keeps every connection alive, but swallows requests on one that was idle longer
	 * than {@link #FORGOTTEN_AFTER}, as a connection a NAT dropped would.
	 */
	private static final class ForgettingServer extends RawHttpServer {

		private final AtomicInteger unanswered = new AtomicInteger();

		private final List<Integer> closedByClient = new CopyOnWriteArrayList<>();

		@Override
		protected void serve(Socket connection, int number) throws IOException {
			long lastAnswer = System.nanoTime();
			boolean forgotten = false;
			while (readHead(connection.getInputStream())) {
				forgotten = forgotten || System.nanoTime() - lastAnswer > FORGOTTEN_AFTER.toNanos();
				if (forgotten) {
					this.unanswered.incrementAndGet();
					continue;
				}
				answer(connection, "{}", false);
				lastAnswer = System.nanoTime();
			}
			this.closedByClient.add(number);
		}

	}

}
