package dev.flowgate.gateway.it;

import java.util.Map;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.GatewayApp;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.flowgate.gateway.it.TriggerRejectionsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica whose producer cannot reach Kafka (its views still read from the real broker,
 * so it is ready) and whose services are down: it answers 503, and a trigger Kafka did
 * not acknowledge is not accepted (it holds no place among the executions in flight).
 */
@FlowgateInfra
class KafkaUnavailableTest {

	/**
	 * The discard port: nothing listens there. A port found free and closed again could
	 * be taken meanwhile by the replica's own Tomcat, or another module's test.
	 */
	private static final String DEAD_ADDRESS = "127.0.0.1:9";

	private static GatewayApp cutOff;

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@BeforeAll
	static void startACutOffReplica() {
		String deadUrl = "http://" + DEAD_ADDRESS;
		cutOff = GatewayApp.start("gw-cut-off", deadUrl, deadUrl, deadUrl,
				Map.of("spring.kafka.producer.bootstrap-servers", DEAD_ADDRESS,
						"spring.kafka.producer.properties.max.block.ms", 1000));
	}

	@AfterAll
	static void stopTheCutOffReplica() {
		cutOff.close();
	}

	@Test
	void answers503WithRetryAfterAndKeepsNoPlaceInFlightForATriggerKafkaDidNotAcknowledge() {
		DeploymentStateChanged deployment = this.stack
			.deploy(DeploymentStates.of(this.tenant.ownerId()).limits(1, null), Behaviour.ECHO);
		TestStack.awaitVisible(cutOff, this.tenant, deployment.deploymentId());

		Http.Response nativeAnswer = trigger("/v1/deployments/" + deployment.deploymentId() + "/executions");
		Http.Response aicuflowAnswer = trigger("/node/deployment-trigger/" + deployment.deploymentId() + "/");

		assertProblem(nativeAnswer, 503, "Kafka");
		assertThat(nativeAnswer.json().get("detail").asString()).contains("not accepted")
			.contains("Retrying with the same Idempotency-Key never runs it twice");
		assertThat(nativeAnswer.header("Retry-After")).isEqualTo("5");
		// A second trigger, with one execution at a time allowed: 503 again, not 429.
		assertThat(aicuflowAnswer.status()).as(aicuflowAnswer.toString()).isEqualTo(503);
		assertThat(aicuflowAnswer.json().get("status").asString()).isEqualTo("error");
		assertThat(aicuflowAnswer.header("Retry-After")).isEqualTo("5");
	}

	@Test
	void answersManagementCallsWith503WhenTheServiceIsDown() {
		TestStack.awaitVisible(cutOff, this.tenant);

		Http.Response response = Http.get(cutOff.url("/v1/flows"), this.tenant.bearer());

		assertProblem(response, 503, "deployment-service is not reachable");
		assertThat(response.header("Retry-After")).isNotBlank();
	}

	private Http.Response trigger(String path) {
		return Http.post(cutOff.url(path), Map.of("X-API-Key", this.tenant.key()), "{}");
	}

}
