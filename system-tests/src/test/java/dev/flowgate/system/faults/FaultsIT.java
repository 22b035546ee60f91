package dev.flowgate.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.flowgate.contracts.Topics;
import dev.flowgate.system.Api;
import dev.flowgate.system.CallbackReceiver;
import dev.flowgate.system.SystemStack;
import dev.flowgate.system.load.ExecutionRecords;
import dev.flowgate.system.load.Parallel;
import dev.flowgate.system.load.SlowStub;
import dev.flowgate.system.load.TopicRecords;
import dev.flowgate.system.load.TriggerLoad;
import dev.flowgate.system.load.TriggerOutcome;
import dev.flowgate.system.load.TriggerTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A steady mix of sync and async triggers (async ones call back a local receiver) while
 * the stack's processes crash one after another ({@code kill -9}): delivery-service with
 * refused callbacks waiting for their retry and others in flight, the runner while
 * executions wait on a slow API, deployment- and key-service meanwhile, then the gateway
 * under the load; then the Kafka broker is stopped for 20 s, then MongoDB for 20 s. Every
 * trigger the gateway accepted must end with exactly one result, one execution record
 * and, when async, a delivered callback with one stable {@code webhook-id}; a call cut
 * off by the gateway's crash ran once or never; calls made while Kafka was down must be
 * refused with 503 and {@code Retry-After}, quickly and for real, and none while only
 * MongoDB was, when a management call gets a quick 503 instead. Ordered first, so that it
 * runs before the shared stack starts: two stacks at once would starve each other.
 */
@Order(0)
class FaultsIT {

	// Accepted ones, not just sent: calls are refused while the gateway or Kafka is down.
	private static final int MIN_ACCEPTED = 1000;

	private static final int PER_SECOND = 20;

	private static final int KAFKA_OUTAGE_SECONDS = 20;

	// Long enough for the services' operations to fail several times (5 s server
	// selection): their API answers 503 and their listeners try the records again.
	private static final int MONGO_OUTAGE_SECONDS = 20;

	// The server selection (5 s) and the gateway's hop to the service, with room for a
	// loaded machine: a hang would take the gateway's read timeout (30 s).
	private static final Duration STORE_REFUSAL_BOUND = Duration.ofSeconds(15);

	// Longer than the deployments' sync timeout (20 s): no answer within it is a hang.
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);

	// The gateway's Kafka producer gives up after 3 s blocking plus 5 s delivery.
	private static final Duration REFUSAL_BOUND = Duration.ofSeconds(10);

	// Producers and consumers reconnect with backoff after the broker is back.
	private static final Duration RECONNECT_GRACE = Duration.ofSeconds(15);

	private static final Duration SLACK = Duration.ofSeconds(1);

	private static final Duration SETTLE = Duration.ofMinutes(3);

	private static final int SLOW_API_MIN_MILLIS = 100;

	private static final int SLOW_API_MAX_MILLIS = 300;

	// Longer than from the first refusal until delivery-service is killed (seconds)
	// and started again: a refused callback is retried by the restarted process, not
	// refused again by the old one (the schedule's next attempt would come 5 min
	// later). Still due before the load ends, so no check waits for it.
	private static final Duration CALLBACK_RETRY_AFTER = Duration.ofSeconds(90);

	// Callbacks refused, waiting for their retry, when delivery-service is killed. Ten
	// failures in a row would open its circuit breaker for the receiver: nothing more
	// would be sent to be held.
	private static final int CALLBACKS_REFUSED_AT_CRASH = 2;

	// Callbacks whose attempts are in flight when delivery-service is killed.
	private static final int CALLBACKS_IN_FLIGHT_AT_CRASH = 3;

	// Instead of 2 min: the killed delivery-service's claims are free again this
	// soon, before the refused callbacks are due. Longer than its restart usually takes
	// (20-30 s; a minute on a machine busy with other builds), so the restarted process
	// is seen to wait for them. It must exceed the callback (15 s) and email timeouts,
	// so the latter is cut too (this test sends no email).
	private static final Duration DELIVERY_LEASE = Duration.ofSeconds(60);

	private static final Duration EMAIL_TIMEOUT = Duration.ofSeconds(20);

	// From claiming a delivery until its callback arrives, on a busy machine (lookups
	// of one host run one at a time): 8 s seen with other builds running. A takeover
	// at the restart, not waiting for the lease, would come 20-30 s after the hold.
	private static final Duration CLAIM_TO_CALL = Duration.ofSeconds(20);

	private static SlowStub slowApi;

	private static CallbackReceiver receiver;

	private static SystemStack stack;

	@BeforeAll
	static void startStack() {
		slowApi = SlowStub.start(SLOW_API_MIN_MILLIS, SLOW_API_MAX_MILLIS);
		receiver = CallbackReceiver.start();
		Instant starting = Instant.now();
		// MongoDB in a file: it is stopped and started again. The settings are
		// delivery-service's (flowgate.delivery.*, bound from the environment).
		stack = SystemStack.startOwnWithDataInFiles(Map.of("FLOWGATE_DELIVERY_DISPATCH_LEASE",
				DELIVERY_LEASE.toSeconds() + "s", "FLOWGATE_DELIVERY_EMAIL_TIMEOUT", EMAIL_TIMEOUT.toSeconds() + "s"));
		System.out.println("Stack started in " + Duration.between(starting, Instant.now()).toSeconds() + " s");
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
		receiver.close();
		slowApi.close();
	}

	@Test
	void everyAcceptedTriggerEndsOnceThroughCrashesRestartsAndAKafkaOutage() {
		String flowId = createSlowFlow();
		TriggerTarget sync = new TriggerTarget(stack.api().baseUrl(), deployAndWarmUp(flowId, "sync", Map.of()),
				"sync");
		TriggerTarget async = new TriggerTarget(stack.api().baseUrl(),
				deployAndWarmUp(flowId, "async", Map.of("callbackUrl", receiver.url())), "async");
		FaultInjector faults = new FaultInjector(stack.processes());
		Instant began = Instant.now();
		List<TriggerOutcome> calls = triggerWhileFailing(sync, async, faults);
		Duration loadTime = Duration.between(began, Instant.now());
		List<TriggerOutcome> accepted = calls.stream().filter(TriggerOutcome::accepted).toList();
		System.out.println("Before the checks: " + new FaultFigures(calls, null, faults, loadTime));

		everyCallWasAnsweredOrRefusedOnlyWhileSomethingWasDown(calls, faults);
		everyRefusalSaysWhenToTryAgain(calls);
		syncAnswersCarryTheirOwnResult(accepted);
		Map<String, List<JsonNode>> results = resultsOf(accepted);
		eachAcceptedTriggerHasExactlyOneResult(accepted, results);
		Map<String, List<JsonNode>> records = eachAcceptedTriggerHasOneExecutionRecord(accepted, sync, async);
		refusedTriggersWereNotRunAnyway(calls, faults, results, records);
		List<String> unansweredThatRan = triggersWithoutAnAcceptedAnswerRanOnceOrNever(calls, results, records);
		callbacksPendingAtTheDeliveryCrashArriveAfterTheRestart(faults);
		callbacksInFlightAtTheDeliveryCrashAreTakenOverOnceTheirLeaseEnds(faults);
		eachAsyncTriggerWasCalledBackWithAStableWebhookId(accepted, unansweredThatRan);

		System.out.println(new FaultFigures(calls, results, faults, loadTime));
	}

	/**
	 * Sync and async triggers, alternating, while the faults happen one after another;
	 * the outcomes in the order sent.
	 */
	private List<TriggerOutcome> triggerWhileFailing(TriggerTarget sync, TriggerTarget async, FaultInjector faults) {
		// The first callbacks are refused and wait in delivery-service for their retry,
		// the next ones are held until it is killed.
		receiver.refuseThenHold(CALLBACK_RETRY_AFTER, CALLBACKS_REFUSED_AT_CRASH);
		try (TriggerLoad load = TriggerLoad.start(stack.processes().apiKey(), PER_SECOND,
				(i) -> (i % 2 == 0) ? sync : async, CALL_TIMEOUT, "fault")) {
			// First, while the runner still sends results to call back.
			faults.crashDeliveryServiceWithCallbacksPending(receiver, CALLBACKS_IN_FLIGHT_AT_CRASH);
			faults.killRunnerMidFlow(slowApi, PER_SECOND * 2);
			// The gateway stays up meanwhile, so triggers queue up for the new runner;
			// the other crashes and starts fill the wait for its takeover (the killed
			// member's session).
			Parallel.run(faults::startRunnerAgain, faults::startDeliveryServiceAgain, faults::crashDeploymentService,
					faults::crashKeyService);
			faults.crashGateway();
			// The new runner has the partitions before the broker goes: else the killed
			// member, reloaded with the group, would hold them for another session.
			awaitSyncResultSentAfter(load, faults.gatewayDown().to());
			faults.stopKafka(Duration.ofSeconds(KAFKA_OUTAGE_SECONDS), load, KAFKA_OUTAGE_SECONDS * PER_SECOND);
			// Recovered: a sync call made after the outage is answered with its result
			// again.
			awaitSyncResultSentAfter(load, faults.kafkaBack());
			faults.stopMongo(Duration.ofSeconds(MONGO_OUTAGE_SECONDS), load, MONGO_OUTAGE_SECONDS * PER_SECOND,
					() -> managementCallIsRefusedQuickly(sync.deploymentId()));
			await().atMost(SETTLE).until(() -> load.accepted() >= MIN_ACCEPTED);
			return load.finish(load.sent(), SETTLE);
		}
	}

	private static void awaitSyncResultSentAfter(TriggerLoad load, Instant after) {
		await().atMost(SETTLE)
			.until(() -> load.answered()
				.stream()
				.anyMatch((call) -> call.status() == 200 && call.sentAt().isAfter(after)));
	}

	/** While MongoDB is away: a clear 503 to try again, neither a hang nor a 500. */
	private void managementCallIsRefusedQuickly(String deploymentId) {
		Instant sent = Instant.now();
		Api.Response response = stack.api().get("/v1/deployments/" + deploymentId, stack.ownerKey());
		Duration latency = Duration.between(sent, Instant.now());
		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.headers()).containsKey("retry-after");
		assertThat(latency).isLessThanOrEqualTo(STORE_REFUSAL_BOUND);
	}

	private void everyCallWasAnsweredOrRefusedOnlyWhileSomethingWasDown(List<TriggerOutcome> calls,
			FaultInjector faults) {
		assertThat(calls).filteredOn(TriggerOutcome::accepted).hasSizeGreaterThanOrEqualTo(MIN_ACCEPTED);
		assertThat(calls).as("calls that got no answer in time (hangs)").filteredOn(TriggerOutcome::timedOut).isEmpty();
		assertThat(calls).as("answers other than 200, 202 or 503")
			.filteredOn((call) -> !call.failedAtClient() && !call.accepted() && !call.unavailable())
			.isEmpty();
		assertThat(calls).as("connections refused while the gateway was up")
			.filteredOn((call) -> call.connectionRefused() && !faults.gatewayDown().overlaps(call, SLACK))
			.isEmpty();
		// A connect timeout is a starved machine, not a lost call: counted only.
		assertThat(calls).as("calls cut off while the gateway was up")
			.filteredOn((call) -> call.failedAtClient() && !call.connectionRefused() && !call.connectTimedOut())
			.filteredOn((call) -> !faults.gatewayDown().overlaps(call, SLACK))
			.isEmpty();
		assertThat(calls).as("503 while nothing was down")
			.filteredOn(TriggerOutcome::unavailable)
			.filteredOn((call) -> !faults.gatewayDown().overlaps(call, SLACK)
					&& !faults.kafkaTrouble().overlaps(call, RECONNECT_GRACE))
			.isEmpty();
		List<TriggerOutcome> whileKafkaDown = calls.stream().filter(faults.kafkaDown()::contains).toList();
		assertThat(whileKafkaDown).as("calls made and answered while Kafka was down")
			.hasSizeGreaterThan(KAFKA_OUTAGE_SECONDS * PER_SECOND / 2)
			.allSatisfy((call) -> {
				assertThat(call.status()).as(call.toString()).isEqualTo(503);
				assertThat(call.latency()).as(call.toString()).isLessThanOrEqualTo(REFUSAL_BOUND);
			});
	}

	/** Every 503, whatever was down, tells the caller when to try again. */
	private void everyRefusalSaysWhenToTryAgain(List<TriggerOutcome> calls) {
		assertThat(calls).as("503s without a Retry-After in seconds")
			.filteredOn(TriggerOutcome::unavailable)
			.filteredOn((call) -> call.retryAfter() == null || !call.retryAfter().matches("[1-9][0-9]*"))
			.isEmpty();
	}

	private void syncAnswersCarryTheirOwnResult(List<TriggerOutcome> accepted) {
		assertThat(accepted).filteredOn((call) -> call.status() == 200)
			.as("sync answers")
			.isNotEmpty()
			.allSatisfy((call) -> assertThat(call.answeredWithOwnResult()).as(call.toString()).isTrue());
	}

	private Map<String, List<JsonNode>> resultsOf(List<TriggerOutcome> accepted) {
		try (TopicRecords completed = TopicRecords.read(stack.processes().kafkaBootstrapServers(),
				Topics.EXECUTIONS_COMPLETED)) {
			await().atMost(SETTLE)
				.untilAsserted(() -> assertThat(accepted).as("accepted triggers without a result yet")
					.filteredOn((call) -> completed.withKey(call.executionId()).isEmpty())
					.isEmpty());
			return completed.byKey();
		}
	}

	private void eachAcceptedTriggerHasExactlyOneResult(List<TriggerOutcome> accepted,
			Map<String, List<JsonNode>> results) {
		assertThat(countsAboveOne(results)).as("executions with more than one result (id: results)").isEmpty();
		assertThat(accepted).filteredOn((call) -> !isOwnSuccess(resultOf(call, results), "/outputs/echo", call))
			.as("accepted triggers whose result is not their own success")
			.extracting((call) -> call + ": " + resultOf(call, results))
			.isEmpty();
	}

	private static JsonNode resultOf(TriggerOutcome call, Map<String, List<JsonNode>> results) {
		return results.get(call.executionId()).get(0);
	}

	/**
	 * A 503 made and answered while no broker ran was neither run nor recorded. One that
	 * overlapped the broker's stop or start may have landed (its send timed out on its
	 * way; the 503 says it may still run once), so only the one-result and one-record
	 * checks hold it.
	 */
	private void refusedTriggersWereNotRunAnyway(List<TriggerOutcome> calls, FaultInjector faults,
			Map<String, List<JsonNode>> results, Map<String, List<JsonNode>> records) {
		Set<String> ran = inputs(results, "/outputs/echo");
		Set<String> recorded = inputs(records, "/input_data/text");
		assertThat(calls).as("503s while no broker ran whose trigger ran or was recorded all the same")
			.filteredOn(TriggerOutcome::unavailable)
			.filteredOn(faults.kafkaDown()::contains)
			.filteredOn((call) -> ran.contains(call.input()) || recorded.contains(call.input()))
			.isEmpty();
	}

	private static Set<String> inputs(Map<String, List<JsonNode>> executions, String inputPointer) {
		return executions.values()
			.stream()
			.flatMap(List::stream)
			.map((execution) -> execution.at(inputPointer).asString())
			.collect(Collectors.toSet());
	}

	/**
	 * @return the records of both deployments by execution id
	 */
	private Map<String, List<JsonNode>> eachAcceptedTriggerHasOneExecutionRecord(List<TriggerOutcome> accepted,
			TriggerTarget sync, TriggerTarget async) {
		ExecutionRecords records = new ExecutionRecords(stack.api(), stack.ownerKey());
		Map<String, List<JsonNode>> read = new HashMap<>();
		await().atMost(SETTLE).untilAsserted(() -> {
			Map<String, List<JsonNode>> byId = new HashMap<>();
			for (TriggerTarget target : List.of(sync, async)) {
				records.all(target.deploymentId())
					.forEach((record) -> byId.computeIfAbsent(record.at("/id").asString(), (id) -> new ArrayList<>())
						.add(record));
			}
			assertThat(countsAboveOne(byId)).as("execution ids listed more than once (id: records)").isEmpty();
			assertThat(accepted).as("accepted triggers without their own succeeded record")
				.filteredOn((call) -> !byId.containsKey(call.executionId())
						|| !isOwnSuccess(byId.get(call.executionId()).get(0), "/output_data/echo", call))
				.isEmpty();
			read.clear();
			read.putAll(byId);
		});
		return read;
	}

	/**
	 * A call without an accepted answer (cut off by the gateway's crash, refused while it
	 * was down, or a 503) may have been published all the same: its trigger ran once,
	 * with one result and one record, both its own success, or it never ran.
	 * @return the execution ids of those that ran
	 */
	private List<String> triggersWithoutAnAcceptedAnswerRanOnceOrNever(List<TriggerOutcome> calls,
			Map<String, List<JsonNode>> results, Map<String, List<JsonNode>> records) {
		Map<String, List<JsonNode>> resultsByInput = byInput(results, "/outputs/echo");
		Map<String, List<JsonNode>> recordsByInput = byInput(records, "/input_data/text");
		List<TriggerOutcome> unanswered = calls.stream().filter((call) -> !call.accepted()).toList();
		assertThat(unanswered).as("calls without an accepted answer whose trigger ran other than once or never")
			.filteredOn((call) -> {
				List<JsonNode> ran = resultsByInput.getOrDefault(call.input(), List.of());
				List<JsonNode> recorded = recordsByInput.getOrDefault(call.input(), List.of());
				return ran.size() != recorded.size() || ran.size() > 1
						|| !ran.stream().allMatch((result) -> isOwnSuccess(result, "/outputs/echo", call))
						|| !recorded.stream().allMatch((record) -> isOwnSuccess(record, "/output_data/echo", call));
			})
			.isEmpty();
		return unanswered.stream()
			.filter((call) -> call.target().mode().equals("async"))
			.flatMap((call) -> recordsByInput.getOrDefault(call.input(), List.of()).stream())
			.map((record) -> record.at("/id").asString())
			.toList();
	}

	private static Map<String, List<JsonNode>> byInput(Map<String, List<JsonNode>> executions, String inputPointer) {
		return executions.values()
			.stream()
			.flatMap(List::stream)
			.collect(Collectors.groupingBy((execution) -> execution.at(inputPointer).asString()));
	}

	/**
	 * The callbacks refused or in flight when delivery-service was killed were due only
	 * after it was back: the restarted process delivered them.
	 */
	private void callbacksPendingAtTheDeliveryCrashArriveAfterTheRestart(FaultInjector faults) {
		Set<String> refused = executionsCalledBack(CallbackReceiver.Received::refused);
		assertThat(refused).as("executions whose callback was refused before delivery-service was killed").isNotEmpty();
		await().atMost(SETTLE).untilAsserted(() -> {
			Set<String> deliveredAfter = executionsCalledBack(
					(call) -> call.delivered() && call.at().isAfter(faults.deliveryKilled()));
			assertThat(refused).as("refused callbacks not delivered after the delivery-service crash")
				.filteredOn((id) -> !deliveredAfter.contains(id))
				.isEmpty();
		});
	}

	/**
	 * The callbacks held unanswered when delivery-service was killed were leased to the
	 * dead process: the restarted one delivered them, once their lease had run out and
	 * not before.
	 */
	private void callbacksInFlightAtTheDeliveryCrashAreTakenOverOnceTheirLeaseEnds(FaultInjector faults) {
		Map<String, Instant> heldAt = receiver.received()
			.stream()
			.filter(CallbackReceiver.Received::unanswered)
			.collect(Collectors.toMap(FaultsIT::executionId, CallbackReceiver.Received::at, (a, b) -> a));
		assertThat(heldAt).as("callbacks in flight when delivery-service was killed")
			.hasSizeGreaterThanOrEqualTo(CALLBACKS_IN_FLIGHT_AT_CRASH);
		await().atMost(SETTLE).untilAsserted(() -> {
			Map<String, Instant> delivered = firstDelivery(heldAt.keySet());
			assertThat(heldAt).as("callbacks in flight at the crash not delivered after it")
				.allSatisfy((id, held) -> assertThat(delivered).containsKey(id));
		});
		Map<String, Instant> delivered = firstDelivery(heldAt.keySet());
		heldAt.forEach((id, held) -> assertThat(delivered.get(id))
			.as("callback of %s (held at %s, killed at %s): delivered before its lease ran out", id, held,
					faults.deliveryKilled())
			.isAfter(faults.deliveryKilled())
			.isAfterOrEqualTo(held.plus(DELIVERY_LEASE).minus(CLAIM_TO_CALL)));
		List<Long> takeovers = heldAt.entrySet()
			.stream()
			.map((held) -> Duration.between(held.getValue(), delivered.get(held.getKey())).toMillis())
			.sorted()
			.toList();
		System.out.printf(
				"Callbacks in flight when delivery-service was killed: %d, delivered again %d-%d ms after "
						+ "they were held (lease %d s)%n",
				takeovers.size(), takeovers.get(0), takeovers.get(takeovers.size() - 1), DELIVERY_LEASE.toSeconds());
	}

	/** When each of these executions' callback was first answered 200. */
	private static Map<String, Instant> firstDelivery(Set<String> executionIds) {
		return receiver.received()
			.stream()
			.filter(CallbackReceiver.Received::delivered)
			.filter((call) -> executionIds.contains(executionId(call)))
			.collect(Collectors.toMap(FaultsIT::executionId, CallbackReceiver.Received::at,
					(a, b) -> a.isBefore(b) ? a : b));
	}

	private void eachAsyncTriggerWasCalledBackWithAStableWebhookId(List<TriggerOutcome> accepted,
			List<String> unansweredThatRan) {
		List<String> asyncIds = new ArrayList<>(unansweredThatRan);
		accepted.stream()
			.filter((call) -> call.target().mode().equals("async"))
			.map(TriggerOutcome::executionId)
			.forEach(asyncIds::add);
		await().atMost(SETTLE).untilAsserted(() -> {
			Set<String> delivered = executionsCalledBack(CallbackReceiver.Received::delivered);
			assertThat(asyncIds).as("async executions not called back yet")
				.filteredOn((id) -> !delivered.contains(id))
				.isEmpty();
		});
		Map<String, Set<String>> webhookIds = webhookIdsByExecution();
		assertThat(countsAboveOne(webhookIds)).as("executions called back with different webhook-ids (id: ids)")
			.isEmpty();
		Set<String> distinct = new HashSet<>();
		webhookIds.values().forEach(distinct::addAll);
		assertThat(distinct).as("one webhook-id per execution").hasSameSizeAs(webhookIds.keySet());
	}

	private static boolean isOwnSuccess(JsonNode execution, String echoPointer, TriggerOutcome call) {
		return "succeeded".equals(execution.at("/status").asString())
				&& call.input().equals(execution.at(echoPointer).asString());
	}

	/** The keys with more than one value, and how many they have. */
	private static Map<String, Integer> countsAboveOne(Map<String, ? extends Collection<?>> valuesByKey) {
		Map<String, Integer> counts = new TreeMap<>();
		valuesByKey.forEach((key, values) -> {
			if (values.size() > 1) {
				counts.put(key, values.size());
			}
		});
		return counts;
	}

	/** The webhook-ids of every callback, refused or delivered, by execution id. */
	private static Map<String, Set<String>> webhookIdsByExecution() {
		return receiver.received()
			.stream()
			.collect(Collectors.groupingBy(FaultsIT::executionId,
					Collectors.mapping((call) -> call.headers().get("webhook-id"), Collectors.toSet())));
	}

	private static Set<String> executionsCalledBack(Predicate<CallbackReceiver.Received> which) {
		return receiver.received().stream().filter(which).map(FaultsIT::executionId).collect(Collectors.toSet());
	}

	private static String executionId(CallbackReceiver.Received call) {
		return Api.JSON.readTree(call.body()).at("/execution_id").asString();
	}

	/**
	 * Input {@code text} → an HTTP call to the slow API → output {@code echo} (the
	 * input), so executions take 100-300 ms and are in flight when the runner is killed.
	 */
	private String createSlowFlow() {
		Map<String, Object> flow = Map.of("name", "slow-echo", "nodes", List.of(
				Map.of("id", "text", "type", "input", "config",
						Map.of("name", "text", "inputType", "text", "required", true, "testValue", "hi")),
				Map.of("id", "work", "type", "http", "config", Map.of("url", slowApi.url() + "?t={{input.text}}")),
				Map.of("id", "out", "type", "output", "config", Map.of("name", "echo", "value", "{{input.text}}"))),
				"edges", List.of(Map.of("from", "text", "to", "work"), Map.of("from", "work", "to", "out")));
		Api.Response created = stack.api().post("/v1/flows", stack.ownerKey(), flow);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.text("/id");
	}

	private String deployAndWarmUp(String flowId, String mode, Map<String, Object> delivery) {
		String deploymentId = stack.deploy(flowId, mode, delivery);
		String path = "/v1/deployments/" + deploymentId + "/executions";
		// Until the gateway's deployment view has it, the deployment is unknown (404).
		await().atMost(SETTLE).untilAsserted(() -> {
			Api.Response first = stack.api()
				.post(path, stack.ownerKey(), Map.of("input_data", Map.of("text", "warm-up")));
			assertThat(first.status()).as(first.toString()).isIn(200, 202);
		});
		return deploymentId;
	}

}
