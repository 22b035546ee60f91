package dev.flowgate.gateway.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.key.KeyView;
import dev.flowgate.infra.test.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * What the integration tests share in this JVM: two gateway replicas (A and B) on real
 * Kafka, a fake runner, and fake key-, deployment- and delivery-services. The fake
 * deployment-service answers {@code GET /v1/executions/{id}} from what the runner saw, as
 * the real one would after consuming the execution events.
 */
public final class TestStack {

	private static TestStack instance;

	public final String bootstrapServers;

	public final FakeRunner runner;

	public final StatePublisher states;

	public final FakeService keyService = FakeService.start();

	public final FakeService deploymentService = FakeService.start();

	public final FakeService deliveryService = FakeService.start();

	/** A key and deployment published before the gateways started. */
	public final Tenant preStartTenant;

	public final DeploymentStateChanged preStartDeployment;

	public final GatewayApp a;

	public final GatewayApp b;

	private TestStack() {
		this.bootstrapServers = TestInfrastructure.get().kafkaBootstrapServers();
		this.runner = FakeRunner.start(this.bootstrapServers);
		this.states = new StatePublisher(this.bootstrapServers);
		this.deploymentService.on("GET", "/v1/executions/", this::recordedExecution);
		this.preStartTenant = newTenant(UnaryOperator.identity());
		this.preStartDeployment = deploy(DeploymentStates.of(this.preStartTenant.ownerId()), FakeRunner.Behaviour.ECHO);
		this.a = startGateway("gw-a", Map.of());
		this.b = startGateway("gw-b", Map.of());
	}

	public static synchronized TestStack get() {
		if (instance == null) {
			instance = new TestStack();
			Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-stack-stop"));
		}
		return instance;
	}

	public List<GatewayApp> gateways() {
		return List.of(this.a, this.b);
	}

	public GatewayApp startGateway(String instanceId, Map<String, Object> extra) {
		return GatewayApp.start(instanceId, this.keyService.url(), this.deploymentService.url(),
				this.deliveryService.url(), extra);
	}

	/** A new owner with one key, customised by {@code key}. */
	public Tenant newTenant(UnaryOperator<KeyStates> key) {
		return newKey(UUID.randomUUID().toString(), key);
	}

	/** Another key of an owner, customised by {@code key}. */
	public Tenant newKey(String ownerId, UnaryOperator<KeyStates> key) {
		String secret = TestKeys.newKey();
		KeyStates builder = key.apply(KeyStates.active(ownerId, secret));
		return new Tenant(ownerId, secret, builder, this.states.key(builder));
	}

	public DeploymentStateChanged deploy(DeploymentStates deployment, FakeRunner.Behaviour behaviour) {
		this.runner.behave(deployment.deploymentId(), behaviour);
		return this.states.deployment(deployment);
	}

	/** Waits until both replicas know the tenant's key and the given deployments. */
	public void awaitVisible(Tenant tenant, String... deploymentIds) {
		for (GatewayApp gateway : gateways()) {
			awaitVisible(gateway, tenant, deploymentIds);
		}
	}

	public static void awaitVisible(GatewayApp gateway, Tenant tenant, String... deploymentIds) {
		await().atMost(Duration.ofSeconds(30)).until(() -> knows(gateway, tenant, deploymentIds));
	}

	private static boolean knows(GatewayApp gateway, Tenant tenant, String... deploymentIds) {
		try {
			Caller caller = gateway.bean(KeyView.class).authenticate(tenant.key());
			// Whatever the key's allow-list: a deployment outside it is as unknown as one
			// the view does not have yet.
			Caller anyDeployment = new Caller(caller.keyId(), caller.ownerId(), caller.scopes(), Set.of(),
					caller.rateLimitPerMinute());
			for (String deploymentId : deploymentIds) {
				gateway.bean(DeploymentView.class).forTrigger(anyDeployment, deploymentId, (owned) -> {
				});
			}
			return true;
		}
		catch (Rejection ex) {
			// Disabled, yet known.
			return ex.reason() == Rejection.Reason.DEPLOYMENT_DISABLED;
		}
	}

	private FakeService.Reply recordedExecution(FakeService.Received request) {
		String executionId = request.pathAndQuery().substring("/v1/executions/".length());
		if (!GatewayApp.INTERNAL_TOKEN.equals(request.header("X-Flowgate-Internal-Token"))) {
			return FakeService.Reply.problem(401, "internal token required");
		}
		Optional<ExecutionRequested> trigger = this.runner.trigger(executionId)
			.filter((found) -> found.ownerId().equals(request.header("X-Flowgate-Owner-Id")));
		if (executionId.contains("/") || trigger.isEmpty()) {
			return FakeService.Reply.problem(404, "no such execution");
		}
		ExecutionCompleted result = this.runner.result(executionId).orElse(null);
		Map<String, Object> body = resource(trigger.get(), result);
		if ("true".equals(request.header("X-Flowgate-Recorded-Only"))) {
			Map<String, Object> check = new LinkedHashMap<>();
			check.put("inputs_digest", trigger.get().inputsDigest());
			check.put("inputs_truncated", false);
			body.put("inputs_check", check);
		}
		return FakeService.Reply.json(200, Http.JSON.writeValueAsString(body));
	}

	private static Map<String, Object> resource(ExecutionRequested trigger, ExecutionCompleted result) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", trigger.executionId());
		body.put("deployment_id", trigger.deploymentId());
		body.put("flow_version", trigger.flowVersion());
		body.put("status", (result != null) ? result.status() : "queued");
		body.put("input_data", trigger.inputs());
		body.put("output_data", (result != null) ? result.outputs() : null);
		body.put("error", null);
		body.put("trace", List.of());
		body.put("duration_seconds", (result != null) ? result.durationSeconds() : null);
		body.put("source", trigger.source());
		body.put("replay_of", null);
		body.put("created_at", trigger.occurredAt().toString());
		body.put("started_at", (result != null) ? result.startedAt().toString() : null);
		body.put("finished_at", (result != null) ? result.finishedAt().toString() : null);
		body.put("links", Map.of("self", "/v1/executions/" + trigger.executionId(), "deployment",
				"/v1/deployments/" + trigger.deploymentId()));
		return body;
	}

	private void stop() {
		this.a.close();
		this.b.close();
		this.runner.close();
		this.states.close();
		this.keyService.close();
		this.deploymentService.close();
		this.deliveryService.close();
	}

	/**
	 * An owner and one of its keys.
	 *
	 * @param state the key's builder, to publish changes of the same key
	 */
	public record Tenant(String ownerId, String key, KeyStates state, KeyStateChanged published) {

		public Map<String, String> bearer() {
			return Map.of("Authorization", "Bearer " + this.key);
		}

		public String keyId() {
			return this.published.keyId();
		}

	}

}
