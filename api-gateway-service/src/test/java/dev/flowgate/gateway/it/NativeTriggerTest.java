package dev.flowgate.gateway.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.GatewayApp;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.PublishedTriggers;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FlowgateInfra
class NativeTriggerTest {

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@Test
	void answersASyncTriggerWithTheFinishedExecution() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId())
			.input("q", "question", "text", true)
			.input("n", "count", "number", false), Behaviour.ECHO);

		Http.Response response = trigger(deployment, Map.of("input_data", Map.of("question", "What?", "count", 2)));

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		String executionId = body.get("id").asString();
		assertThat(body.get("deployment_id").asString()).isEqualTo(deployment.deploymentId());
		assertThat(body.get("flow_version").asInt()).isEqualTo(1);
		assertThat(body.get("status").asString()).isEqualTo("succeeded");
		assertThat(body.get("input_data").get("question").asString()).isEqualTo("What?");
		assertThat(body.get("output_data").get("count").asInt()).isEqualTo(2);
		assertThat(body.get("error").isNull()).isTrue();
		assertThat(body.get("trace").get(0).get("node_id").asString()).isEqualTo("out");
		assertThat(body.get("trace").get(0).get("duration_ms").asLong()).isEqualTo(42);
		assertThat(body.get("trace").get(0).get("tokens").get("prompt").asLong()).isZero();
		assertThat(body.get("replay_of").isNull()).isTrue();
		assertThat(body.get("duration_seconds").asDouble()).isEqualTo(0.042);
		assertThat(body.get("source").asString()).isEqualTo("native");
		assertThat(body.get("key_id").asString()).isEqualTo(this.tenant.keyId());
		assertThat(Instant.parse(body.get("created_at").asString()).getNano() % 1_000_000)
			.as("milliseconds, as a poll reads it from deployment-service")
			.isZero();
		assertThat(Instant.parse(body.get("finished_at").asString()))
			.isAfterOrEqualTo(Instant.parse(body.get("created_at").asString()));
		assertThat(body.get("links").get("self").asString()).isEqualTo("/v1/executions/" + executionId);
		assertThat(body.get("links").get("deployment").asString())
			.isEqualTo("/v1/deployments/" + deployment.deploymentId());
		// The public API's document describes every field, in the same order.
		JsonNode documented = Http.get(this.stack.a.url("/openapi.json"), Map.of())
			.json()
			.at("/components/schemas/Execution/properties");
		assertThat(documented.propertyNames()).containsExactlyElementsOf(body.propertyNames());
		ExecutionRequested published = this.stack.runner.trigger(executionId).orElseThrow();
		assertThat(published.replyTo()).isEqualTo("gw-a");
		assertThat(published.keyId()).isEqualTo(this.tenant.keyId());
		assertThat(published.source()).isEqualTo(TriggerSource.NATIVE);
		assertThat(published.mode()).isEqualTo(DeploymentMode.SYNC);
	}

	@Test
	void answersAnAsyncTriggerAt202WithThePollUrl() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId())
			.mode(DeploymentMode.ASYNC)
			.delivery(new DeliveryTarget(null, null, true)), Behaviour.ECHO);

		Http.Response response = trigger(deployment,
				Map.of("input_data", Map.of("x", "y"), "callback_url", "https://example.com/hook"));

		assertThat(response.status()).isEqualTo(202);
		String executionId = response.json().get("id").asString();
		assertThat(response.json().get("status").asString()).isEqualTo("queued");
		assertThat(response.json().get("output_data").isNull()).isTrue();
		assertThat(response.header("Location")).isEqualTo("/v1/executions/" + executionId);
		// A 202 means the trigger is on Kafka, not that the runner has read it yet.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.stack.runner.trigger(executionId)).hasValueSatisfying(
					(trigger) -> assertThat(trigger.callbackUrl()).isEqualTo("https://example.com/hook")));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Http.Response poll = Http.get(this.stack.a.url(response.header("Location")), this.tenant.bearer());
			assertThat(poll.status()).isEqualTo(200);
			assertThat(poll.json().get("status").asString()).isEqualTo("succeeded");
		});
	}

	@Test
	void answersQueuedAt202WhenTheSyncTimeoutPasses() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()).syncTimeoutSeconds(1),
				Behaviour.NEVER);
		long started = System.nanoTime();

		Http.Response response = trigger(deployment, Map.of());

		// Answered at the timeout, not held until the client gives up (30 s).
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900),
				Duration.ofSeconds(20));
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().get("status").asString()).isEqualTo("queued");
		assertThat(response.header("Location")).endsWith(response.json().get("id").asString());
	}

	@Test
	void answersRunningAt202WhenAStartedExecutionOutlastsTheSyncTimeout() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()).syncTimeoutSeconds(5),
				Behaviour.STARTS);

		Http.Response response = trigger(deployment, Map.of());

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().get("status").asString()).isEqualTo("running");
		assertThat(Instant.parse(response.json().get("started_at").asString()))
			.isAfterOrEqualTo(Instant.parse(response.json().get("created_at").asString()));
		assertThat(response.json().get("finished_at").isNull()).isTrue();
	}

	@Test
	void reportsAFailedFlowWithItsError() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()), Behaviour.FAIL);

		Http.Response response = trigger(deployment, Map.of());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("failed");
		assertThat(response.json().get("error").get("code").asString()).isEqualTo("node_failed");
		assertThat(response.json().get("error").get("node_id").asString()).isEqualTo("out");
	}

	@Test
	void runsAnIdempotentTriggerOnceAndRefusesTheKeyWithOtherInputs() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()), Behaviour.ECHO);
		Map<String, String> headers = Map.of("Authorization", "Bearer " + this.tenant.key(), "Idempotency-Key",
				"order-4711");
		Map<String, Object> body = Map.of("input_data", Map.of("n", 1));

		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			Http.Response first = Http.post(this.stack.a.url(path(deployment)), headers, body);
			Http.Response repeatHere = Http.post(this.stack.a.url(path(deployment)), headers, body);
			Http.Response repeatThere = Http.post(this.stack.b.url(path(deployment)), headers, body);
			Http.Response otherBody = Http.post(this.stack.b.url(path(deployment)), headers,
					Map.of("input_data", Map.of("n", 2)));

			assertThat(first.status()).isEqualTo(200);
			String executionId = first.json().get("id").asString();
			assertThat(repeatHere.status()).isEqualTo(200);
			assertThat(repeatHere.json().get("id").asString()).isEqualTo(executionId);
			assertThat(repeatThere.status()).isEqualTo(200);
			assertThat(repeatThere.json().get("id").asString()).isEqualTo(executionId);
			assertThat(repeatThere.json().get("status").asString()).isEqualTo("succeeded");
			assertThat(otherBody.status()).isEqualTo(422);
			assertThat(otherBody.header("Content-Type")).startsWith("application/problem+json");
			assertThat(otherBody.json().get("type").asString()).isEqualTo("/problems/idempotency-mismatch");
			assertThat(this.stack.deploymentService.lastRequestTo("/v1/executions/" + executionId)
				.orElseThrow()
				.header("X-Flowgate-Recorded-Only")).as("a new key's check does not wait for recording")
				.isEqualTo("true");
			String[] controls = { control(this.stack.a, deployment), control(this.stack.b, deployment) };
			assertThat(published.executionIds(deployment.deploymentId())).as("the first call and the controls alone")
				.containsExactlyInAnyOrder(executionId, controls[0], controls[1]);
		}
	}

	@Test
	void refusesAnIdempotencyKeyReusedWithAnotherCallbackUrlWith422() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId())
			.mode(DeploymentMode.ASYNC)
			.delivery(new DeliveryTarget(null, null, true)), Behaviour.ECHO);
		Map<String, String> headers = Map.of("Authorization", "Bearer " + this.tenant.key(), "Idempotency-Key",
				"order-4712");
		Map<String, Object> body = Map.of("input_data", Map.of("n", 1), "callback_url", "https://a.example/hook");
		Map<String, Object> otherCallback = Map.of("input_data", Map.of("n", 1), "callback_url",
				"https://b.example/hook");

		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			Http.Response first = Http.post(this.stack.a.url(path(deployment)), headers, body);
			String executionId = first.json().get("id").asString();
			await().atMost(Duration.ofSeconds(30)).until(() -> this.stack.runner.trigger(executionId).isPresent());
			Http.Response otherHere = Http.post(this.stack.a.url(path(deployment)), headers, otherCallback);
			Http.Response otherThere = Http.post(this.stack.b.url(path(deployment)), headers, otherCallback);
			Http.Response repeatThere = Http.post(this.stack.b.url(path(deployment)), headers, body);

			assertThat(first.status()).isEqualTo(202);
			for (Http.Response other : List.of(otherHere, otherThere)) {
				assertThat(other.status()).as(other.toString()).isEqualTo(422);
				assertThat(other.json().get("detail").asString()).contains("callback_url");
			}
			// Answered from the record: finished by then, or not yet.
			assertThat(repeatThere.status()).as(repeatThere.toString()).isIn(200, 202);
			assertThat(repeatThere.json().get("id").asString()).isEqualTo(executionId);
			String[] controls = { control(this.stack.a, deployment), control(this.stack.b, deployment) };
			assertThat(published.executionIds(deployment.deploymentId())).as("the first call and the controls alone")
				.containsExactlyInAnyOrder(executionId, controls[0], controls[1]);
		}
	}

	private DeploymentStateChanged deploy(DeploymentStates deployment, Behaviour behaviour) {
		DeploymentStateChanged state = this.stack.deploy(deployment, behaviour);
		this.stack.awaitVisible(this.tenant, state.deploymentId());
		return state;
	}

	/**
	 * A valid call without an idempotency key through {@code gateway}: once it is
	 * accepted, what that replica published before is on the topic too.
	 * @return its execution's id
	 */
	private String control(GatewayApp gateway, DeploymentStateChanged deployment) {
		Http.Response control = Http.post(gateway.url(path(deployment)), this.tenant.bearer(),
				Map.of("input_data", Map.of("n", 1)));
		assertThat(control.status()).as(control.toString()).isIn(200, 202);
		return control.json().get("id").asString();
	}

	private Http.Response trigger(DeploymentStateChanged deployment, Map<String, Object> body) {
		return Http.post(this.stack.a.url(path(deployment)), this.tenant.bearer(), body);
	}

	private static String path(DeploymentStateChanged deployment) {
		return "/v1/deployments/" + deployment.deploymentId() + "/executions";
	}

}
