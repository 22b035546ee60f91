package dev.flowgate.gateway.it;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.key.KeyView;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.FakeService.Reply;
import dev.flowgate.gateway.support.GatewayApp;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.KeyStates;
import dev.flowgate.gateway.support.TestKeys;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key or deployment just created or changed through a gateway is usable through that
 * gateway as soon as the call is answered, though its state reaches the views later (the
 * services publish through an outbox).
 */
@FlowgateInfra
class ReadYourWritesTest {

	/**
	 * How long after answering the stub services publish the state: far longer than a
	 * warm gateway takes to pass the answer on and take the next call.
	 */
	private static final long PUBLISH_DELAY_MS = 500;

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	private final DeploymentStateChanged deployment = this.stack.deploy(DeploymentStates.of(this.tenant.ownerId()),
			Behaviour.ECHO);

	@BeforeEach
	void warmUp() {
		TestStack.awaitVisible(this.stack.a, this.tenant, this.deployment.deploymentId());
		// A first proxied call can take longer than the delay on a busy machine.
		Http.get(this.stack.a.url("/v1/keys/warm-up"), this.tenant.bearer());
	}

	@Test
	void answersAKeyCreatedOnlyOnceTheGatewayAcceptsIt() {
		String secret = TestKeys.newKey();
		KeyStates created = KeyStates.active(this.tenant.ownerId(), secret);
		answerKeyCreationThenPublishLater(created, secret);

		long start = System.nanoTime();
		Http.Response response = Http.post(this.stack.a.url("/v1/keys"), this.tenant.bearer(), "{\"name\":\"new\"}");
		long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		Http.Response trigger = trigger(secret);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("secret").asString()).isEqualTo(secret);
		assertThat(elapsedMs).as("answered once the state was published").isGreaterThanOrEqualTo(PUBLISH_DELAY_MS);
		assertThat(trigger.status()).as(trigger.toString()).isEqualTo(200);
	}

	@Test
	void answersARotationOnlyOnceTheGatewayAcceptsTheNewSecret() {
		String rotated = TestKeys.newKey();
		KeyStates state = this.tenant.state().rotatedTo(rotated, Instant.now().plusSeconds(60));
		String path = "/v1/keys/" + this.tenant.keyId() + "/rotate";
		this.stack.keyService.on("POST", path, (request) -> {
			publishLater(() -> this.stack.states.key(state));
			return Reply.json(200, Http.JSON.writeValueAsString(keyResource(state, rotated)));
		});

		Http.Response response = Http.post(this.stack.a.url(path), this.tenant.bearer(), "{}");
		Http.Response trigger = trigger(rotated);

		assertThat(response.status()).isEqualTo(200);
		assertThat(trigger.status()).as(trigger.toString()).isEqualTo(200);
	}

	@Test
	void answersADeploymentCreatedOnlyOnceTheGatewayKnowsIt() {
		DeploymentStates created = DeploymentStates.of(this.tenant.ownerId());
		this.stack.runner.behave(created.deploymentId(), Behaviour.ECHO);
		DeploymentStateChanged state = created.build();
		this.stack.deploymentService.on("POST", "/v1/deployments", (request) -> {
			if (!request.pathAndQuery().equals("/v1/deployments")) {
				return Reply.problem(404, "Not Found");
			}
			publishLater(() -> this.stack.states.deployment(created));
			return Reply.json(201, Http.JSON.writeValueAsString(deploymentResource(state)));
		});

		Http.Response response = Http.post(this.stack.a.url("/v1/deployments"), this.tenant.bearer(), "{}");
		Http.Response trigger = Http.post(this.stack.a.url("/v1/deployments/" + state.deploymentId() + "/executions"),
				this.tenant.bearer(), "{}");

		assertThat(response.status()).isEqualTo(201);
		assertThat(trigger.status()).as(trigger.toString()).isEqualTo(200);
	}

	@Test
	void answersADeploymentDeletedOnlyOnceTheGatewayForgotIt() {
		String path = "/v1/deployments/" + this.deployment.deploymentId();
		this.stack.deploymentService.on("DELETE", path, (request) -> {
			publishLater(() -> this.stack.states.deleteDeployment(this.deployment.deploymentId()));
			return new Reply(204, Map.of(), "");
		});

		Http.Response response = Http.send("DELETE", this.stack.a.url(path), this.tenant.bearer(), null);
		Http.Response trigger = trigger(this.tenant.key());

		assertThat(response.status()).isEqualTo(204);
		assertThat(trigger.status()).as(trigger.toString()).isEqualTo(404);
	}

	@Test
	void answersAnywayWhenTheStateDoesNotArriveInTime() {
		try (GatewayApp gateway = this.stack.startGateway("gw-view-wait",
				Map.of("flowgate.gateway.management.view-wait", "1s"))) {
			TestStack.awaitVisible(gateway, this.tenant);
			// A fresh replica's first proxied call alone can take a second or more.
			Http.get(gateway.url("/v1/keys/warm-up"), this.tenant.bearer());
			String secret = TestKeys.newKey();
			KeyStates neverPublished = KeyStates.active(this.tenant.ownerId(), secret);
			this.stack.keyService.on("POST", "/v1/keys",
					(request) -> Reply.json(201, Http.JSON.writeValueAsString(keyResource(neverPublished, secret))));

			long start = System.nanoTime();
			Http.Response response = Http.post(gateway.url("/v1/keys"), this.tenant.bearer(), "{}");
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

			assertThat(response.status()).isEqualTo(201);
			assertThat(response.json().get("id").asString()).isEqualTo(neverPublished.keyId());
			// Bounded by this replica's wait, not by the default of 5 s.
			assertThat(elapsed).isBetween(Duration.ofSeconds(1), Duration.ofMillis(4500));
			assertThatThrownBy(() -> gateway.bean(KeyView.class).authenticate(secret)).isInstanceOf(Rejection.class);
		}
	}

	private void answerKeyCreationThenPublishLater(KeyStates created, String secret) {
		this.stack.keyService.on("POST", "/v1/keys", (request) -> {
			if (!request.pathAndQuery().equals("/v1/keys")) {
				return Reply.problem(404, "Not Found");
			}
			publishLater(() -> this.stack.states.key(created));
			return new Reply(201, Map.of("Content-Type", "application/json", "Location", "/v1/keys/" + created.keyId()),
					Http.JSON.writeValueAsString(keyResource(created, secret)));
		});
	}

	private Http.Response trigger(String key) {
		return Http.post(this.stack.a.url("/v1/deployments/" + this.deployment.deploymentId() + "/executions"),
				Map.of("Authorization", "Bearer " + key), "{}");
	}

	private static void publishLater(Runnable publish) {
		CompletableFuture.delayedExecutor(PUBLISH_DELAY_MS, TimeUnit.MILLISECONDS).execute(publish);
	}

	/** As key-service answers: {@code KeyResource}, the secret included. */
	private static Map<String, Object> keyResource(KeyStates key, String secret) {
		KeyStateChanged state = key.build();
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("id", state.keyId());
		resource.put("name", state.name());
		resource.put("hint", state.hint());
		resource.put("scopes",
				state.scopes().stream().map((scope) -> scope.name().toLowerCase(Locale.ROOT)).sorted().toList());
		resource.put("deploymentIds", List.copyOf(state.deploymentIds()));
		resource.put("status", state.status().name().toLowerCase(Locale.ROOT));
		resource.put("expired", false);
		resource.put("createdAt", Instant.now().toString());
		resource.put("lastUsedAt", null);
		resource.put("expiresAt", null);
		resource.put("rateLimitPerMinute", state.rateLimitPerMinute());
		resource.put("rotatedAt", null);
		resource.put("secret", secret);
		return resource;
	}

	/** As deployment-service answers: {@code DeploymentResource}, with more fields. */
	private static ObjectNode deploymentResource(DeploymentStateChanged state) {
		ObjectNode resource = Http.JSON.valueToTree(state);
		resource.put("id", state.deploymentId());
		return resource;
	}

}
