package dev.flowgate.system.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.local.Service;
import dev.flowgate.system.Api;
import dev.flowgate.system.CallbackReceiver;
import dev.flowgate.system.SystemStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator and an API user get from the running stack, as {@code ./flowgate up}
 * starts it: Swagger UI with the whole API, Prometheus metrics on every service, and the
 * caller's trace id on every event of an execution. Ordered late (just before
 * SecurityIT): Kafka consumer-lag series appear only a while after a consumer's first
 * fetch.
 */
@Order(Integer.MAX_VALUE - 1)
class ObservabilityIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	/** {@code src} and {@code href} attributes that point at files of the page's own. */
	private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(?!https?:|#|data:)([^\"]+)\"");

	private final SystemStack stack = SystemStack.shared();

	private final Api api = this.stack.api();

	@Test
	void swaggerUiLoadsWithTheWholeApi() {
		Api.Response entry = this.api.get("/docs/", Map.of());
		assertThat(entry.status()).isEqualTo(302);
		assertThat(entry.headers().get("Location")).singleElement().asString().endsWith("/docs/index.html");

		Api.Response page = this.api.get("/docs/index.html", Map.of());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		List<String> assets = ASSET.matcher(page.body()).results().map((match) -> match.group(1)).toList();
		assertThat(assets).contains("./swagger-ui-bundle.js", "./swagger-initializer.js");
		for (String asset : assets) {
			Api.Response file = this.api.get("/docs/" + asset.replaceFirst("^\\./", ""), Map.of());
			assertThat(file.status()).as(asset).isEqualTo(200);
		}
		assertThat(this.api.get("/docs/swagger-initializer.js", Map.of()).body()).contains("../openapi.yaml");

		Api.Response spec = this.api.get("/openapi.json", Map.of());
		assertThat(spec.status()).isEqualTo(200);
		assertThat(spec.json().get("paths").propertyNames()).contains("/v1/deployments/{deploymentId}/executions",
				"/node/deployment-trigger/{deploymentId}/", "/flux/api-v2", "/v1/keys",
				"/v1/deployments/{deploymentId}/usage");
		assertThat(this.api.get("/openapi.yaml", Map.of()).body()).startsWith("openapi: 3");
	}

	@Test
	void everyServiceServesItsMetricsAfterAnExecution() {
		try (CallbackReceiver receiver = CallbackReceiver.start()) {
			String deploymentId = this.stack.deployEchoFlow("async", Map.of("callbackUrl", receiver.url()));
			assertThat(this.stack.triggerWhenDeployed(deploymentId, Map.of("text", "metrics")).status()).isEqualTo(202);
			await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
		}

		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(metrics(Service.API_GATEWAY)).containsPattern(
					"flowgate_gateway_triggers_total\\{[^}]*outcome=\"accepted\"[^}]*source=\"native\"[^}]*} [1-9]");
			assertThat(metrics(Service.FLOW_RUNNER))
				.containsPattern("flowgate_runner_executions_seconds_count\\{[^}]*status=\"succeeded\"[^}]*} [1-9]")
				.containsPattern(
						"kafka_consumer_fetch_manager_records_lag\\{[^}]*topic=\"flowgate.executions.requested\"");
			assertThat(metrics(Service.DELIVERY_SERVICE)).containsPattern(
					"flowgate_delivery_attempts_seconds_count\\{[^}]*channel=\"callback\"[^}]*outcome=\"delivered\"[^}]*} [1-9]");
			// The usage summaries run once at start.
			assertThat(metrics(Service.DEPLOYMENT_SERVICE))
				.containsPattern("spring_kafka_listener_seconds_count\\{[^}]*} [1-9]")
				.containsPattern("flowgate_usage_summary_runs_seconds_count\\{[^}]*outcome=\"ran\"[^}]*} [1-9]")
				.containsPattern("(?m)^flowgate_usage_summary_behind_seconds(\\{[^}]*})? ");
			// Dead letters are counted from 0, before the first: alerts see it arrive.
			assertThat(metrics(Service.KEY_SERVICE))
				.containsPattern("http_server_requests_seconds_count\\{[^}]*} [1-9]")
				.containsPattern(
						"flowgate_kafka_dead_letters_total\\{[^}]*topic=\"flowgate.executions.requested\"[^}]*} ");
		});
	}

	@Test
	void theCallersTraceIdIsOnEveryEventOfItsExecution() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String deploymentId = this.stack.deployEchoFlow("async", Map.of());
		await().atMost(WAIT)
			.until(() -> this.stack.triggerWhenDeployed(deploymentId, Map.of("text", "warm")).status() == 202);

		Api.Response answer = this.api.post(
				"/node/deployment-trigger/" + deploymentId + "/", Map.of("X-API-Key", this.stack.processes().apiKey(),
						"traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"),
				Map.of("input_data", Map.of("text", "traced")));
		assertThat(answer.status()).as(answer.toString()).isIn(200, 202);
		assertThat(answer.headers().get("X-Trace-Id")).containsExactly(traceId);
		String executionId = answer.json().at("/data/execution_id").asString();

		try (TraceHeaders events = TraceHeaders.read(this.stack.processes().kafkaBootstrapServers(),
				List.of(Topics.EXECUTIONS_REQUESTED, Topics.EXECUTIONS_STARTED, Topics.EXECUTIONS_COMPLETED))) {
			// This execution is too short for a start notice; the runner's own tests
			// check that a late notice carries the trace too.
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(events.traceIds(executionId))
					.containsKeys(Topics.EXECUTIONS_REQUESTED.name(), Topics.EXECUTIONS_COMPLETED.name()));
			assertThat(events.traceIds(executionId))
				.allSatisfy((topic, ids) -> assertThat(ids).as(topic).containsOnly(traceId));
		}
	}

	private String metrics(Service service) {
		int port = this.stack.processes().services().port(service.module());
		Api.Response answer = new Api("http://127.0.0.1:" + port).get("/actuator/prometheus", Map.of());
		assertThat(answer.status()).as(service.module()).isEqualTo(200);
		return answer.body();
	}

}
