package dev.flowgate.gateway.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.key.KeyView;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.domain.trigger.InFlightElsewhere;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.GatewayApp;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestKeys;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas sharing Kafka: both come to see every key and deployment change, a
 * sync result reaches whichever replica holds the call, and rate and concurrency limits
 * count the calls of both.
 */
@FlowgateInfra
class ReplicasTest {

	// Eventually, not a latency check: a loaded machine may take seconds.
	private static final Duration VIEW_CHANGE_LIMIT = Duration.ofSeconds(15);

	// The replicas share their counts every second; a bucket refills a token in 30.
	private static final Duration SHARE_LIMIT = Duration.ofSeconds(15);

	private static final Duration ACCEPTANCE_LIMIT = Duration.ofSeconds(10);

	private static final Duration VIEW_POLL = Duration.ofMillis(10);

	private static final int SYNC_TIMEOUT_SECONDS = 10;

	/** Longer than the shutdown phase (30 s), in which a stopping replica drains. */
	private static final int LONG_SYNC_TIMEOUT_SECONDS = 120;

	private static final int CONNECT_MILLIS = 1000;

	private final TestStack stack = TestStack.get();

	/**
	 * Threads for the calls the tests block on: on two cores the common pool may have a
	 * single one (Java 25), which a blocked call would hold.
	 */
	private final ExecutorService blocking = Executors.newCachedThreadPool();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	private final DeploymentStateChanged deployment = this.stack.deploy(DeploymentStates.of(this.tenant.ownerId()),
			Behaviour.ECHO);

	@Test
	void servesKeysAndDeploymentsPublishedBeforeStartAsSoonAsReady() {
		for (GatewayApp gateway : this.stack.gateways()) {
			Http.Response readiness = Http.get(gateway.url("/actuator/health/readiness"), Map.of());
			assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
			Http.Response response = Http.post(
					gateway.url("/v1/deployments/" + this.stack.preStartDeployment.deploymentId() + "/executions"),
					this.stack.preStartTenant.bearer(), "{}");
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
		}
	}

	@Test
	void answersTheSyncCallAtTheReplicaHoldingIt() {
		for (GatewayApp gateway : this.stack.gateways()) {
			Http.Response response = trigger(gateway, this.tenant.key());

			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			String executionId = response.json().get("id").asString();
			assertThat(this.stack.runner.trigger(executionId).orElseThrow().replyTo()).isEqualTo(gateway.instanceId());
			assertThat(response.json().get("status").asString()).isEqualTo("succeeded");
		}
	}

	@Test
	void rejectsADeactivatedKeyAtBothReplicas() {
		assertAcceptedEverywhere(this.tenant.key());

		this.stack.states.key(this.tenant.state().status(KeyStatus.INACTIVE));

		assertRejectedEverywhere(this.tenant.key(), "inactive");
	}

	@Test
	void rejectsADeletedKeyAtBothReplicas() {
		assertAcceptedEverywhere(this.tenant.key());

		this.stack.states.deleteKey(this.tenant.keyId());

		assertRejectedEverywhere(this.tenant.key(), "not valid");
	}

	@Test
	void rejectsAnExpiredKeyAtBothReplicas() {
		assertAcceptedEverywhere(this.tenant.key());

		this.stack.states.key(this.tenant.state().expiresAt(Instant.now().minusSeconds(1)));

		assertRejectedEverywhere(this.tenant.key(), "expired");
	}

	@Test
	void acceptsTheOldSecretOfARotatedKeyDuringTheGraceOnlyAtBothReplicas() {
		String oldKey = this.tenant.key();
		String newKey = TestKeys.newKey();
		String newerKey = TestKeys.newKey();
		assertAcceptedEverywhere(oldKey);

		this.stack.states.key(this.tenant.state().rotatedTo(newKey, Instant.now().plusSeconds(60)));

		assertAcceptedEverywhere(newKey);
		assertAcceptedEverywhere(oldKey);
		this.stack.states.key(this.tenant.state().rotatedTo(newerKey, Instant.now().minusSeconds(1)));
		assertRejectedEverywhere(newKey, "grace period is over");
		assertRejectedEverywhere(oldKey, "not valid");
		assertAcceptedEverywhere(newerKey);
	}

	@Test
	void refusesADisabledDeploymentAtBothReplicas() {
		assertAcceptedEverywhere(this.tenant.key());

		DeploymentStateChanged disabled = this.stack.states.deployment(sameDeployment().enabled(false));

		assertThat(disabled.deploymentId()).isEqualTo(this.deployment.deploymentId());
		assertTriggerStatusEverywhere(Rejection.Reason.DEPLOYMENT_DISABLED, 403);
	}

	@Test
	void refusesADeletedDeploymentAtBothReplicas() {
		assertAcceptedEverywhere(this.tenant.key());

		this.stack.states.deleteDeployment(this.deployment.deploymentId());

		assertTriggerStatusEverywhere(Rejection.Reason.NOT_FOUND, 404);
	}

	@Test
	void countsAKeysRateLimitForBothReplicasTogether() {
		Tenant limited = keyUsedUpThroughB();

		Http.Response refused = trigger(this.stack.a, limited.key());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 30);
	}

	@Test
	void startsANewReplicaWithTheCallsTheOthersCountedInTheLastMinute() {
		Tenant limited = keyUsedUpThroughB();

		try (GatewayApp started = this.stack.startGateway("gw-later", Map.of())) {
			TestStack.awaitVisible(started, limited, this.deployment.deploymentId());
			Http.Response refused = trigger(started, limited.key());

			assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		}
	}

	@Test
	void countsADeploymentsConcurrencyLimitForBothReplicasTogether() {
		DeploymentStateChanged single = this.stack.deploy(
				DeploymentStates.of(this.tenant.ownerId()).mode(DeploymentMode.ASYNC).limits(1, null), Behaviour.NEVER);
		this.stack.awaitVisible(this.tenant, single.deploymentId());
		InFlightElsewhere elsewhereOfA = this.stack.a.bean(InFlightElsewhere.class);

		Http.Response accepted = trigger(this.stack.b, single.deploymentId(), this.tenant.key());
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		await().atMost(SHARE_LIMIT)
			.pollInterval(VIEW_POLL)
			.until(() -> elsewhereOfA.running(single.deploymentId()) == 1);
		Http.Response refused = trigger(this.stack.a, single.deploymentId(), this.tenant.key());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		String executionId = accepted.json().get("id").asString();
		this.stack.runner.complete(await().atMost(SHARE_LIMIT)
			.until(() -> this.stack.runner.trigger(executionId), Optional::isPresent)
			.orElseThrow());
		await().atMost(SHARE_LIMIT)
			.pollInterval(VIEW_POLL)
			.until(() -> elsewhereOfA.running(single.deploymentId()) == 0);
		assertThat(trigger(this.stack.a, single.deploymentId(), this.tenant.key()).status()).isEqualTo(202);
	}

	/**
	 * A key limited to two calls a minute, both made through replica b, once replica a
	 * counts them too.
	 */
	@Test
	void countsWhatItAllowedBeforeARestartUnderTheSameId() {
		// A pod's name is its replica's id, and stays when its container restarts.
		Tenant limited = this.stack.newKey(this.tenant.ownerId(), (key) -> key.rateLimitPerMinute(2));
		try (GatewayApp before = this.stack.startGateway("gw-restarted", Map.of())) {
			TestStack.awaitVisible(before, limited, this.deployment.deploymentId());
			assertThat(trigger(before, limited.key()).status()).isEqualTo(200);
			assertThat(trigger(before, limited.key()).status()).isEqualTo(200);
			RateLimits limitsOfA = this.stack.a.bean(RateLimits.class);
			await().atMost(SHARE_LIMIT)
				.pollInterval(VIEW_POLL)
				.until(() -> limitsOfA.keyQuota(limited.keyId(), 2).orElseThrow().remaining() == 0);
		}

		try (GatewayApp after = this.stack.startGateway("gw-restarted", Map.of())) {
			TestStack.awaitVisible(after, limited, this.deployment.deploymentId());
			Http.Response refused = trigger(after, limited.key());

			assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		}
	}

	private Tenant keyUsedUpThroughB() {
		Tenant limited = this.stack.newKey(this.tenant.ownerId(), (key) -> key.rateLimitPerMinute(2));
		this.stack.awaitVisible(limited, this.deployment.deploymentId());
		assertThat(trigger(this.stack.b, limited.key()).status()).isEqualTo(200);
		assertThat(trigger(this.stack.b, limited.key()).status()).isEqualTo(200);
		RateLimits limitsOfA = this.stack.a.bean(RateLimits.class);
		await().atMost(SHARE_LIMIT)
			.pollInterval(VIEW_POLL)
			.until(() -> limitsOfA.keyQuota(limited.keyId(), 2).orElseThrow().remaining() == 0);
		return limited;
	}

	private DeploymentStates sameDeployment() {
		return DeploymentStates.of(this.tenant.ownerId()).withId(this.deployment.deploymentId());
	}

	@BeforeEach
	void awaitTheKeyAndDeploymentAtBothReplicas() {
		this.stack.awaitVisible(this.tenant, this.deployment.deploymentId());
	}

	@AfterEach
	void stopTheBlockingCalls() {
		this.blocking.shutdownNow();
	}

	private void assertAcceptedEverywhere(String key) {
		for (GatewayApp gateway : this.stack.gateways()) {
			await().atMost(ACCEPTANCE_LIMIT)
				.untilAsserted(() -> assertThat(trigger(gateway, key).status()).isEqualTo(200));
		}
	}

	/**
	 * The change reaches both views (polled in process, so that a slow probe request does
	 * not count), and then both replicas answer 401.
	 */
	private void assertRejectedEverywhere(String key, String reason) {
		await().atMost(VIEW_CHANGE_LIMIT)
			.pollInterval(VIEW_POLL)
			.until(() -> this.stack.gateways().stream().allMatch((gateway) -> rejects(gateway, key)));
		for (GatewayApp gateway : this.stack.gateways()) {
			Http.Response response = trigger(gateway, key);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.json().get("detail").asString()).contains(reason);
		}
	}

	private void assertTriggerStatusEverywhere(Rejection.Reason reason, int status) {
		await().atMost(VIEW_CHANGE_LIMIT)
			.pollInterval(VIEW_POLL)
			.until(() -> this.stack.gateways().stream().allMatch((gateway) -> refuses(gateway, reason)));
		for (GatewayApp gateway : this.stack.gateways()) {
			assertThat(trigger(gateway, this.tenant.key()).status()).isEqualTo(status);
		}
	}

	private static boolean rejects(GatewayApp gateway, String key) {
		try {
			gateway.bean(KeyView.class).authenticate(key);
			return false;
		}
		catch (Rejection ex) {
			return ex.reason() == Rejection.Reason.UNAUTHENTICATED;
		}
	}

	private boolean refuses(GatewayApp gateway, Rejection.Reason reason) {
		try {
			Caller caller = gateway.bean(KeyView.class).authenticate(this.tenant.key());
			gateway.bean(DeploymentView.class).forTrigger(caller, this.deployment.deploymentId(), (owned) -> {
			});
			return false;
		}
		catch (Rejection ex) {
			return ex.reason() == reason;
		}
	}

	@Test
	void answersTheSyncCallsItHoldsWhileItStops() throws Exception {
		DeploymentStateChanged slow = this.stack.deploy(
				DeploymentStates.of(this.tenant.ownerId()).syncTimeoutSeconds(SYNC_TIMEOUT_SECONDS), Behaviour.NEVER);
		try (GatewayApp stopping = this.stack.startGateway("gw-stopping", Map.of())) {
			ParkedCall parked = park(stopping, slow.deploymentId());

			CompletableFuture<Void> stopped = CompletableFuture.runAsync(stopping::close, this.blocking);
			// Draining: it takes no new connection, and still holds the call.
			await().until(() -> refusesConnections(stopping));
			this.stack.runner.complete(parked.trigger());

			Http.Response answer = parked.call().get(SYNC_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			assertThat(answer.json().path("status").asString()).isEqualTo("succeeded");
			stopped.get(SYNC_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
		}
	}

	/**
	 * A call whose flow outlasts the stop's wait is answered 202 with its execution's id,
	 * for the caller to poll, before the shutdown phase would cut it.
	 */
	@Test
	void answersTheSyncCallsStillWaitingWith202WhenItStops() throws Exception {
		DeploymentStateChanged slow = this.stack.deploy(
				DeploymentStates.of(this.tenant.ownerId()).syncTimeoutSeconds(LONG_SYNC_TIMEOUT_SECONDS),
				Behaviour.NEVER);
		try (GatewayApp stopping = this.stack.startGateway("gw-stopping", Map.of("flowgate.gateway.stop-wait", "1s"))) {
			ParkedCall parked = park(stopping, slow.deploymentId());

			CompletableFuture.runAsync(stopping::close, this.blocking);

			Http.Response answer = parked.call().get(SYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
			assertThat(answer.json().path("id").asString()).isEqualTo(parked.trigger().executionId());
			assertThat(answer.json().path("status").asString()).isEqualTo("queued");
		}
	}

	/** A sync call the gateway holds, and the trigger the runner received for it. */
	private record ParkedCall(CompletableFuture<Http.Response> call, ExecutionRequested trigger) {
	}

	private ParkedCall park(GatewayApp gateway, String deploymentId) {
		TestStack.awaitVisible(gateway, this.tenant, deploymentId);
		CompletableFuture<Http.Response> call = CompletableFuture
			.supplyAsync(() -> trigger(gateway, deploymentId, this.tenant.key()), this.blocking);
		ExecutionRequested trigger = await()
			.until(() -> this.stack.runner.received(deploymentId), (received) -> !received.isEmpty())
			.get(0);
		return new ParkedCall(call, trigger);
	}

	private static boolean refusesConnections(GatewayApp gateway) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", URI.create(gateway.url("/")).getPort()), CONNECT_MILLIS);
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private Http.Response trigger(GatewayApp gateway, String key) {
		return trigger(gateway, this.deployment.deploymentId(), key);
	}

	private static Http.Response trigger(GatewayApp gateway, String deploymentId, String key) {
		return Http.post(gateway.url("/v1/deployments/" + deploymentId + "/executions"),
				Map.of("Authorization", "Bearer " + key), "{}");
	}

}
