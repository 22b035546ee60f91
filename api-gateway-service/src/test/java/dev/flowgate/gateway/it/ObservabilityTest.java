package dev.flowgate.gateway.it;

import java.time.Duration;
import java.util.Map;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.FakeService.Reply;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.Prometheus;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees: the trace id a caller is given travels with the trigger into
 * Kafka and with proxied calls to the services, and triggers are counted by outcome on
 * the Prometheus endpoint.
 */
@FlowgateInfra
class ObservabilityTest {

	private static final String TRIGGERS = "flowgate_gateway_triggers_total";

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@Test
	void theTriggerRecordCarriesTheTraceIdGivenToTheCaller() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()), Behaviour.ECHO);

		Http.Response response = trigger(deployment, this.tenant.bearer());

		assertThat(response.status()).isEqualTo(200);
		String traceId = response.header("X-Trace-Id");
		assertThat(traceId).matches("[0-9a-f]{32}");
		String executionId = response.json().get("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.stack.runner.traceparent(executionId))
				.hasValueSatisfying((traceparent) -> assertThat(traceIdOf(traceparent)).isEqualTo(traceId)));
	}

	@Test
	void continuesTheCallersTraceAndPassesItToTheServices() {
		String callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.stack.keyService.on("GET", "/v1/keys", (request) -> Reply.json(200, "[]"));
		this.stack.awaitVisible(this.tenant);

		Http.Response response = Http.get(this.stack.a.url("/v1/keys"), Map.of("Authorization",
				"Bearer " + this.tenant.key(), "traceparent", "00-" + callerTrace + "-00f067aa0ba902b7-01"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-Trace-Id")).isEqualTo(callerTrace);
		String forwarded = this.stack.keyService.lastRequestTo("/v1/keys").orElseThrow().header("traceparent");
		assertThat(traceIdOf(forwarded)).isEqualTo(callerTrace);
	}

	@Test
	void countsTriggersBySourceAndOutcome() {
		DeploymentStateChanged sync = deploy(DeploymentStates.of(this.tenant.ownerId()), Behaviour.ECHO);
		DeploymentStateChanged async = deploy(DeploymentStates.of(this.tenant.ownerId()).mode(DeploymentMode.ASYNC),
				Behaviour.ECHO);
		DeploymentStateChanged slow = deploy(DeploymentStates.of(this.tenant.ownerId()).syncTimeoutSeconds(1),
				Behaviour.NEVER);
		Prometheus before = Prometheus.scrape(this.stack.a);

		assertThat(trigger(sync, this.tenant.bearer()).status()).isEqualTo(200);
		assertThat(trigger(async, this.tenant.bearer()).status()).isEqualTo(202);
		assertThat(trigger(slow, this.tenant.bearer()).status()).isEqualTo(202);
		assertThat(trigger(sync, Map.of("Authorization", "Bearer sk-not-a-key")).status()).isEqualTo(401);
		Http.Response aicuflow = Http.post(this.stack.a.url("/node/deployment-trigger/" + sync.deploymentId() + "/"),
				Map.of("X-API-Key", this.tenant.key()), Map.of("input_data", Map.of()));
		assertThat(aicuflow.status()).isEqualTo(200);

		Prometheus after = Prometheus.scrape(this.stack.a);
		assertThat(increase(before, after, "native", "answered", "none")).isEqualTo(1);
		assertThat(increase(before, after, "native", "accepted", "none")).isEqualTo(1);
		assertThat(increase(before, after, "native", "timed_out", "none")).isEqualTo(1);
		assertThat(increase(before, after, "native", "rejected", "unauthenticated")).isEqualTo(1);
		assertThat(increase(before, after, "aicuflow", "answered", "none")).isEqualTo(1);
		assertThat(after.sum("http_server_requests_seconds_count",
				Map.of("uri", "/v1/deployments/{deploymentId}/executions", "status", "200")))
			.isGreaterThan(before.sum("http_server_requests_seconds_count",
					Map.of("uri", "/v1/deployments/{deploymentId}/executions", "status", "200")));
		assertThat(after.has("http_server_requests_seconds_bucket")).isTrue();
		assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
		assertThat(after.sum("spring_kafka_template_seconds_count", Map.of())).isPositive();
	}

	private static double increase(Prometheus before, Prometheus after, String source, String outcome, String reason) {
		Map<String, String> labels = Map.of("source", source, "outcome", outcome, "reason", reason);
		return after.sum(TRIGGERS, labels) - before.sum(TRIGGERS, labels);
	}

	private static String traceIdOf(String traceparent) {
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		return traceparent.split("-")[1];
	}

	private DeploymentStateChanged deploy(DeploymentStates deployment, Behaviour behaviour) {
		DeploymentStateChanged state = this.stack.deploy(deployment, behaviour);
		this.stack.awaitVisible(this.tenant, state.deploymentId());
		return state;
	}

	private Http.Response trigger(DeploymentStateChanged deployment, Map<String, String> headers) {
		return Http.post(this.stack.a.url("/v1/deployments/" + deployment.deploymentId() + "/executions"), headers,
				Map.of("input_data", Map.of()));
	}

}
