package dev.flowgate.runner.domain.node.http;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.infra.test.RawHttpServer;
import dev.flowgate.runner.domain.engine.FlowOutcome;
import dev.flowgate.runner.domain.engine.FlowRun;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that takes requests and never answers them: an attempt that times out must
 * give its connection up then, not when the run ends, or every retry holds one more.
 */
class TimedOutAttemptTest {

	/**
	 * Long enough for the request to reach the server before the attempt times out, even
	 * on a busy machine: a request cancelled before it is sent leaves nothing to close.
	 */
	private static final double TIMEOUT_SECONDS = 1;

	/** Far longer than the attempt's timeout: the run is still going on meanwhile. */
	private static final int BACKOFF_MILLIS = 6000;

	private final EngineFixture fixture = new EngineFixture("http://127.0.0.1:9");

	private final HangingServer server = new HangingServer();

	@AfterEach
	void stop() throws IOException {
		this.fixture.close();
		this.server.close();
	}

	@Test
	void closesTheConnectionOfAnAttemptAsSoonAsItTimesOut() {
		FlowDefinition flow = Flows.flow()
			.node("call", "http",
					Map.of("url", "http://127.0.0.1:" + this.server.port() + "/x", "timeoutSeconds", TIMEOUT_SECONDS,
							"retry", Map.of("maxAttempts", 2, "backoffMillis", BACKOFF_MILLIS)))
			.build();

		FlowRun run = this.fixture.engine().start(EngineFixture.OWNER, flow, Map.of(), Instant.now().plusSeconds(20));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.server.requested.contains(1));
		await().atMost(Duration.ofMillis(BACKOFF_MILLIS / 2)).until(() -> this.server.closedByClient.contains(1));
		assertThat(run.outcome()).as("the run waits out the backoff before its second attempt").isNotDone();
		assertThat(this.server.connections()).isEqualTo(1);
		FlowOutcome outcome = run.outcome().join();
		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).isEqualTo("timed out after 1000 ms");
		assertThat(outcome.trace().get(0).attempts()).isEqualTo(2);
	}

	/** Reads each request and waits, unanswering, until the client closes. */
	private static final class HangingServer extends RawHttpServer {

		private final List<Integer> requested = new CopyOnWriteArrayList<>();

		private final List<Integer> closedByClient = new CopyOnWriteArrayList<>();

		@Override
		protected void serve(Socket connection, int number) throws IOException {
			try {
				readHead(connection.getInputStream());
				this.requested.add(number);
				while (connection.getInputStream().read() >= 0) {
					// Whatever else comes is not answered either.
				}
			}
			finally {
				this.closedByClient.add(number);
			}
		}

	}

}
