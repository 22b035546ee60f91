package dev.flowgate.system.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.local.Service;
import dev.flowgate.infra.local.ServiceFleet;
import dev.flowgate.infra.local.StackPorts;
import dev.flowgate.system.Api;
import dev.flowgate.system.SystemStack;
import dev.flowgate.system.load.Parallel;
import dev.flowgate.system.load.TopicRecords;
import dev.flowgate.system.load.TriggerLoad;
import dev.flowgate.system.load.TriggerOutcome;
import dev.flowgate.system.load.TriggerTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateways and two runners on one Kafka: sync calls spread over both gateways must
 * each get their own result back (the result travels runner → Kafka → the gateway named
 * in {@code replyTo}), the work must be shared by both runners, and no execution may
 * produce two results. A key's rate limit holds for both gateways together, and so does
 * an {@code Idempotency-Key}. The replicas join the shared stack and are stopped
 * afterwards, so no second stack has to start.
 */
class ScaleOutIT {

	private static final int TRIGGERS = 400;

	private static final int PER_SECOND = 25;

	// Long, so that a busy machine delays answers without turning them into 202s.
	private static final int SYNC_TIMEOUT_SECONDS = 60;

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(SYNC_TIMEOUT_SECONDS * 2);

	private static final Duration WARM_UP_INTERVAL = Duration.ofMillis(500);

	private static final Duration SETTLE = Duration.ofMinutes(2);

	// Six trigger partitions shared by two runners: three each, about half the work.
	private static final double MIN_SHARE_PER_RUNNER = 0.25;

	// A token every 30 s: the calls of the rate limit test fit easily into one.
	private static final int KEY_RATE_LIMIT = 2;

	private static final String SECOND_GATEWAY = "api-gateway-service-2";

	private static final String SECOND_RUNNER = "flow-runner-service-2";

	// The gateway's FLOWGATE_INSTANCE_ID, and the runner's id from HOSTNAME as in a pod.
	private static final String SECOND_GATEWAY_ID = "gw-2";

	private static final String SECOND_RUNNER_ID = "runner-2";

	private static SystemStack stack;

	private static String secondGatewayUrl;

	@BeforeAll
	static void addASecondGatewayAndRunner() {
		stack = SystemStack.shared();
		Instant starting = Instant.now();
		ServiceFleet services = stack.processes().services();
		int gatewayPort = StackPorts.freePort();
		Parallel.run(
				() -> services.startReplica(Service.API_GATEWAY, SECOND_GATEWAY, gatewayPort,
						Map.of("FLOWGATE_INSTANCE_ID", SECOND_GATEWAY_ID)),
				() -> services.startReplica(Service.FLOW_RUNNER, SECOND_RUNNER, StackPorts.freePort(),
						Map.of("HOSTNAME", SECOND_RUNNER_ID)));
		secondGatewayUrl = "http://127.0.0.1:" + gatewayPort;
		System.out.println("Replicas ready in " + Duration.between(starting, Instant.now()).toSeconds() + " s");
	}

	@AfterAll
	static void stopTheReplicas() {
		if (stack != null) {
			ServiceFleet services = stack.processes().services();
			services.stop(SECOND_GATEWAY);
			services.stop(SECOND_RUNNER);
		}
	}

	@Test
	void syncCallsSpreadOverTwoGatewaysAndTwoRunnersEachGetTheirOwnResult() {
		String deploymentId = deployEchoFlow();
		List<TriggerTarget> gateways = List.of(new TriggerTarget(stack.api().baseUrl(), deploymentId, "sync"),
				new TriggerTarget(secondGatewayUrl, deploymentId, "sync"));
		try (TopicRecords completed = read(Topics.EXECUTIONS_COMPLETED)) {
			warmUp(gateways, completed);

			Instant began = Instant.now();
			List<TriggerOutcome> calls;
			try (TriggerLoad load = TriggerLoad.start(stack.processes().apiKey(), PER_SECOND,
					(i) -> gateways.get(i % gateways.size()), CALL_TIMEOUT, "scale")) {
				calls = load.finish(TRIGGERS, SETTLE);
			}
			Duration duration = Duration.between(began, Instant.now());

			assertThat(calls).as("calls not answered 200 with their own result")
				.hasSize(TRIGGERS)
				.filteredOn((call) -> call.status() != 200 || !call.answeredWithOwnResult())
				.isEmpty();
			await().atMost(SETTLE)
				.untilAsserted(() -> assertThat(calls).as("calls whose result was not read yet")
					.filteredOn((call) -> completed.withKey(call.executionId()).isEmpty())
					.isEmpty());
			resultsWentBackThroughTheGatewayThatWasCalled(calls, completed);
			Map<String, Long> perRunner = bothRunnersShareTheWork(calls, completed);
			Map<String, List<JsonNode>> results = calls.stream()
				.collect(
						Collectors.toMap(TriggerOutcome::executionId, (call) -> completed.withKey(call.executionId())));
			System.out.println(ScaleFigures.of(calls, perRunner, results, duration));
		}
	}

	@Test
	void aKeysRateLimitHoldsForBothGatewaysTogether() {
		String path = "/v1/deployments/" + deployEchoFlow() + "/executions";
		Map<String, Object> body = Map.of("input_data", Map.of("text", "limited"));
		Api.Response created = stack.api()
			.post("/v1/keys", stack.ownerKey(),
					Map.of("name", "scale-limited", "scopes", List.of("run"), "rateLimitPerMinute", KEY_RATE_LIMIT));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Map<String, String> key = Api.bearer(created.text("/secret"));
		Api first = stack.api();
		Api second = new Api(secondGatewayUrl);
		double receivedBefore = sharedRateLimitRequests(first, "received");

		// Until the key and the deployment reach a gateway's views, its calls are 401 or
		// 404 and count for none.
		await().atMost(SETTLE).until(() -> second.post(path, key, body).status(), (status) -> status == 200);
		for (int i = 1; i < KEY_RATE_LIMIT; i++) {
			Api.Response allowed = second.post(path, key, body);
			assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
		}
		await().atMost(SETTLE)
			.until(() -> sharedRateLimitRequests(first, "received"),
					(received) -> received >= receivedBefore + KEY_RATE_LIMIT);
		Api.Response refused = await().atMost(SETTLE)
			.until(() -> first.post(path, key, body), (answer) -> answer.status() != 401 && answer.status() != 404);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.headers().get("RateLimit-Remaining")).containsExactly("0");
	}

	/**
	 * A retry through the other gateway, which never saw the key: only
	 * deployment-service's record of the first call can tell it is a repeat, and whether
	 * of the same inputs.
	 */
	@Test
	void anIdempotencyKeyReusedThroughTheOtherGatewayGetsTheSameExecutionOrA422() {
		String path = "/v1/deployments/" + deployEchoFlow() + "/executions";
		Map<String, String> headers = new HashMap<>(stack.ownerKey());
		headers.put("Idempotency-Key", "scale-" + UUID.randomUUID());
		Map<String, Object> body = Map.of("input_data", Map.of("text", "once"));
		Api.Response first = stack.api().post(path, headers, body);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		String executionId = first.text("/id");
		// Until its trigger is recorded, a record cannot tell other inputs apart.
		await().atMost(SETTLE)
			.until(() -> stack.api().get("/v1/executions/" + executionId, stack.ownerKey()),
					(recorded) -> recorded.status() == 200 && "once".equals(recorded.text("/input_data/text")));
		Api second = new Api(secondGatewayUrl);

		// Until the deployment reaches the second gateway's view, it is unknown there.
		Api.Response otherInputs = await().atMost(SETTLE)
			.until(() -> second.post(path, headers, Map.of("input_data", Map.of("text", "other"))),
					(answer) -> answer.status() != 404);
		Api.Response sameInputs = second.post(path, headers, body);

		assertThat(otherInputs.status()).as(otherInputs.toString()).isEqualTo(422);
		assertThat(otherInputs.text("/detail")).contains("already used");
		assertThat(sameInputs.status()).as(sameInputs.toString()).isEqualTo(200);
		assertThat(sameInputs.text("/id")).isEqualTo(executionId);
		assertThat(sameInputs.text("/output_data/echo")).isEqualTo("once");
	}

	/** A gateway's count of rate-limited requests shared with the other replicas. */
	private static double sharedRateLimitRequests(Api gateway, String direction) {
		Api.Response metrics = gateway.get("/actuator/prometheus", Map.of());
		assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
		return metrics.body()
			.lines()
			.filter((line) -> line.startsWith("flowgate_gateway_rate_limit_requests_shared_total{")
					&& line.contains("direction=\"" + direction + "\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/**
	 * Until both runners hold trigger partitions and each ran one of the deployment's
	 * executions (a runner's first result is slow: its producer starts then), and both
	 * gateways answer with results.
	 */
	private static void warmUp(List<TriggerTarget> gateways, TopicRecords completed) {
		try (RunnerGroup group = new RunnerGroup(stack.processes().kafkaBootstrapServers())) {
			await().atMost(SETTLE)
				.untilAsserted(() -> assertThat(group.partitionsPerMember()).as("trigger partitions per runner")
					.hasSize(2)
					.allSatisfy((partitions) -> assertThat(partitions).isPositive()));
		}
		String deploymentId = gateways.get(0).deploymentId();
		await().atMost(SETTLE).pollInterval(WARM_UP_INTERVAL).untilAsserted(() -> {
			for (TriggerTarget gateway : gateways) {
				Api.Response answer = new Api(gateway.gatewayUrl()).post(gateway.path(), stack.ownerKey(),
						Map.of("input_data", Map.of("text", "warm-up")));
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			}
			assertThat(runnersThatRan(completed, deploymentId)).hasSize(2);
		});
	}

	private static Set<String> runnersThatRan(TopicRecords completed, String deploymentId) {
		return completed.byKey()
			.values()
			.stream()
			.flatMap(List::stream)
			.filter((event) -> deploymentId.equals(event.at("/deploymentId").asString()))
			.map((event) -> event.at("/runnerId").asString())
			.collect(Collectors.toSet());
	}

	/**
	 * Input {@code text} to output {@code echo}, deployed sync with a long sync timeout.
	 */
	private static String deployEchoFlow() {
		Map<String, Object> flow = Map.of("name", "scale-echo", "nodes", List.of(
				Map.of("id", "text", "type", "input", "config",
						Map.of("name", "text", "inputType", "text", "required", true, "testValue", "hi")),
				Map.of("id", "out", "type", "output", "config", Map.of("name", "echo", "value", "{{input.text}}"))),
				"edges", List.of(Map.of("from", "text", "to", "out")));
		Api.Response created = stack.api().post("/v1/flows", stack.ownerKey(), flow);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Api.Response deployed = stack.api()
			.post("/v1/deployments", stack.ownerKey(),
					Map.of("flowId", created.text("/id"), "name", "scale-echo", "mode", "sync", "environment",
							"production", "syncTimeoutSeconds", SYNC_TIMEOUT_SECONDS, "delivery", Map.of()));
		assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
		return deployed.text("/id");
	}

	private static void resultsWentBackThroughTheGatewayThatWasCalled(List<TriggerOutcome> calls,
			TopicRecords completed) {
		Map<String, Set<String>> replyToByGateway = calls.stream()
			.collect(Collectors.groupingBy((call) -> call.target().gatewayUrl(), Collectors
				.mapping((call) -> onlyResult(completed, call).at("/replyTo").asString(), Collectors.toSet())));
		assertThat(replyToByGateway.get(secondGatewayUrl)).as("replyTo of calls to the second gateway")
			.containsExactly(SECOND_GATEWAY_ID);
		assertThat(replyToByGateway.get(stack.api().baseUrl())).as("replyTo of calls to the first gateway")
			.hasSize(1)
			.doesNotContain(SECOND_GATEWAY_ID);
	}

	private static JsonNode onlyResult(TopicRecords completed, TriggerOutcome call) {
		List<JsonNode> results = completed.withKey(call.executionId());
		assertThat(results).as(call.toString()).hasSize(1);
		return results.get(0);
	}

	private static Map<String, Long> bothRunnersShareTheWork(List<TriggerOutcome> calls, TopicRecords completed) {
		Map<String, Long> perRunner = calls.stream()
			.map((call) -> completed.withKey(call.executionId()).get(0).at("/runnerId").asString())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(perRunner).as("executions run per runner")
			.hasSize(2)
			.containsKey(SECOND_RUNNER_ID)
			.allSatisfy((runner, count) -> assertThat(count).as(runner)
				.isGreaterThanOrEqualTo((long) (TRIGGERS * MIN_SHARE_PER_RUNNER)));
		return perRunner;
	}

	private static TopicRecords read(TopicSpec topic) {
		return TopicRecords.read(stack.processes().kafkaBootstrapServers(), topic);
	}

}
