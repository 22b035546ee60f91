package dev.flowgate.delivery.messaging;

import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.domain.delivery.Attempt;
import dev.flowgate.delivery.domain.delivery.DeliveryIntake;
import dev.flowgate.delivery.domain.delivery.DeliveryService;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.DeliveryView;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Results;
import dev.flowgate.delivery.support.TestHosts;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SSRF guard with production settings (nothing allowed): private targets are refused
 * at connect time, after resolution. An address written in the URL fails at once without
 * retries; a name that resolves to one fails as a name that does not resolve, so owners
 * cannot map the internal names. Results go straight to the intake (no Kafka listener),
 * in a database of this context's own.
 */
@FlowgateInfra
@SpringBootTest(properties = { "flowgate.delivery.guard.allowed-cidrs=", "spring.kafka.listener.auto-startup=false",
		"spring.mongodb.database=flowgate_delivery_guard" })
@ActiveProfiles("test")
@Import(TestHosts.class)
class PrivateTargetsTest {

	private static Receiver receiver;

	@Autowired
	private DeliveryIntake intake;

	@Autowired
	private DeliveryService deliveries;

	@BeforeAll
	static void startReceiver() {
		receiver = Receiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"http://127.1:{port}/hook | Callback host 127.1 resolves to 127.0.0.1, a loopback address",
			"http://[::ffff:127.0.0.1]:{port}/hook | is an IPv4-mapped IPv6 address (127.0.0.1)",
			"http://169.254.169.254/latest/meta-data | Callback host 169.254.169.254 is a cloud metadata address",
			"http://[2002:7f00:1::1]:{port}/hook | a 6to4 address embedding an IPv4 address",
			"http://2130706433:{port}/hook | resolves to 127.0.0.1, a loopback address",
			"http://0x7f.0.0.1:{port}/hook | resolves to 127.0.0.1, a loopback address" })
	void refusesPrivateTargetsAtOnce(String url, String error) {
		String owner = "owner-" + UUID.randomUUID();
		ExecutionCompleted result = Results.succeeded(owner, "dep-ssrf",
				url.replace("{port}", Integer.toString(receiver.port())), null, Map.of("answer", "42"));

		this.intake.accept(result);

		DeliveryView failed = await().atMost(Deliveries.WAIT)
			.until(() -> this.deliveries.forExecution(owner, result.executionId()).get(0),
					(view) -> view.delivery().status() == DeliveryStatus.FAILED);
		assertThat(failed.attempts()).hasSize(1);
		Attempt attempt = failed.attempts().get(0);
		assertThat(attempt.statusCode()).isNull();
		assertThat(attempt.error()).startsWith("Refused: ").contains(error).endsWith("; not retried");
		assertThat(failed.delivery().lastError()).isEqualTo(attempt.error());
		assertThat(receiver.requests()).isEmpty();
		// It would only be refused again.
		assertThat(this.deliveries.recover(owner, null, null).scheduled()).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "http://internal.example/hook", "http://localhost:{port}/hook" })
	void refusesANameInTheWordsAndWayOfAnUnknownName(String url) {
		String owner = "owner-" + UUID.randomUUID();
		ExecutionCompleted refused = Results.succeeded(owner, "dep-ssrf",
				url.replace("{port}", Integer.toString(receiver.port())), null, Map.of("answer", "42"));
		ExecutionCompleted unknown = Results.succeeded(owner, "dep-ssrf", "http://" + TestHosts.UNKNOWN + "/hook", null,
				Map.of("answer", "42"));

		this.intake.accept(refused);
		this.intake.accept(unknown);

		DeliveryView refusedView = failed(owner, refused);
		DeliveryView unknownView = failed(owner, unknown);
		String host = refusedView.delivery().destination().replaceFirst("http://([^:/]+).*", "$1");
		assertThat(refusedView.attempts()).hasSize(unknownView.attempts().size()).hasSizeGreaterThan(1);
		assertThat(refusedView.attempts()).extracting(Attempt::error)
			.containsOnly("Request failed: Callback host " + host
					+ " resolves to no allowed address (unknown name, or a refused range)");
		assertThat(unknownView.attempts()).extracting(Attempt::error)
			.containsOnly("Request failed: Callback host " + TestHosts.UNKNOWN
					+ " resolves to no allowed address (unknown name, or a refused range)");
		assertThat(refusedView.attempts()).extracting(Attempt::statusCode).containsOnlyNulls();
		assertThat(receiver.requests()).isEmpty();
		assertThat(this.deliveries.recover(owner, null, null).scheduled()).isEqualTo(2);
	}

	private DeliveryView failed(String owner, ExecutionCompleted result) {
		return await().atMost(Deliveries.WAIT)
			.until(() -> this.deliveries.forExecution(owner, result.executionId()).get(0),
					(view) -> view.delivery().status() == DeliveryStatus.FAILED);
	}

}
