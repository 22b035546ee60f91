package dev.flowgate.runner.domain.node.http;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.infra.test.RawHttpServer;
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

	private final DroppingServer server = new DroppingServer(1);

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
	void sendsAGetTwiceMoreWhenTwoConnectionsDropIt() throws IOException {
		try (DroppingServer dropsTwo = new DroppingServer(2)) {
			FlowOutcome outcome = this.fixture.run(call("GET", dropsTwo), Map.of());

			assertThat(outcome.status()).as(String.valueOf(outcome.error())).isEqualTo(ExecutionStatus.SUCCEEDED);
			assertThat(outcome.trace().get(0).attempts()).isEqualTo(1);
			assertThat(dropsTwo.requests).hasValue(3);
		}
	}

	@Test
	void givesAGetUpOnceAThirdConnectionDropsIt() throws IOException {
		try (DroppingServer dropsThree = new DroppingServer(3)) {
			FlowOutcome outcome = this.fixture.run(call("GET", dropsThree), Map.of());

			assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
			assertThat(dropsThree.requests).hasValue(3);
		}
	}

	@Test
	void neverSendsAPostTwice() {
		FlowOutcome outcome = this.fixture.run(call("POST"), Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(this.server.requests).hasValue(1);
	}

	private FlowDefinition call(String method) {
		return call(method, this.server);
	}

	private static FlowDefinition call(String method, RawHttpServer server) {
		return Flows.flow()
			.node("call", "http", Map.of("method", method, "url", "http://127.0.0.1:" + server.port() + "/x"))
			.build();
	}

	/** Drops the first requests' connections unanswered, answers the others. */
	private static final class DroppingServer extends RawHttpServer {

		private final int dropped;

		private final AtomicInteger requests = new AtomicInteger();

		DroppingServer(int dropped) {
			this.dropped = dropped;
		}

		@Override
		protected void serve(Socket connection, int number) throws IOException {
			readHead(connection.getInputStream());
			if (this.requests.incrementAndGet() > this.dropped) {
				answer(connection, "{}", true);
			}
		}

	}

}
