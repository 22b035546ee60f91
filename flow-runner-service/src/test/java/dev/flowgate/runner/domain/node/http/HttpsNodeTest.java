package dev.flowgate.runner.domain.node.http;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.egress.HostResolver;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Reply;
import dev.flowgate.runner.domain.engine.FlowOutcome;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import dev.flowgate.runner.support.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * https to the address the guard checked: the certificate is still checked against the
 * host's name (and SNI names it), as when the client looks the name up itself.
 */
class HttpsNodeTest {

	private static final TestTls TLS = TestTls.forHost("tls.example");

	/** Every name of the test's own resolves to the loopback address. */
	private static final HostResolver DNS = (host) -> host.endsWith(".example")
			? List.of(InetAddress.getLoopbackAddress()) : HostResolver.SYSTEM.resolve(host);

	private final HttpStub api = HttpStub.start(TLS.serverContext());

	private final EngineFixture fixture = new EngineFixture("http://127.0.0.1:9", Set.of(), List.of("127.0.0.0/8"),
			4096, DNS, TLS.clientContext());

	@AfterEach
	void stop() {
		this.fixture.close();
		this.api.close();
	}

	@Test
	void callsAnHttpsApiByItsNameAtTheCheckedAddress() {
		this.api.on("/secure", (request) -> Reply.json(200, "{\"ok\":true}"));

		FlowOutcome outcome = this.fixture.run(call("tls.example").build(), Map.of());

		assertThat(outcome.status()).as(String.valueOf(outcome.error())).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(outcome.outputs()).containsEntry("ok", true);
		assertThat(this.api.arrivals("/secure")).singleElement()
			.satisfies((call) -> assertThat(call.header("Host")).isEqualTo("tls.example:" + this.api.port()));
	}

	@Test
	void refusesACertificateIssuedForAnotherName() {
		this.api.on("/secure", (request) -> Reply.json(200, "{\"ok\":true}"));

		FlowOutcome outcome = this.fixture.run(call("other.example").build(), Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).contains("other.example");
		assertThat(this.api.received()).isEmpty();
	}

	private Flows call(String host) {
		return Flows.flow()
			.node("call", "http", Map.of("url", "https://" + host + ":" + this.api.port() + "/secure"))
			.output("ok", "{{call.body.ok}}")
			.edge("call", "ok");
	}

}
