package dev.flowgate.runner.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.test.FlowgateInfra;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Reply;
import dev.flowgate.kafka.DeadLetters;
import dev.flowgate.runner.config.RunnerProperties;
import dev.flowgate.runner.domain.deployment.DeploymentView;
import dev.flowgate.runner.support.Deployments;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import dev.flowgate.runner.support.KafkaTestClient;
import dev.flowgate.runner.support.OpenAiStub;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FlowgateInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "flowgate.runner.runner-id=runner-it", "flowgate.runner.triggers.deployment-wait=1s" })
@DirtiesContext
class TriggerFlowIntegrationTest {

	private static final Duration RESULT_WAIT = Duration.ofSeconds(30);

	private static final HttpStub llm = HttpStub.start();

	private final KafkaTestClient kafka = new KafkaTestClient();

	@Autowired
	private DeploymentView view;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private RunnerProperties properties;

	@Autowired
	private ExecutionCapacity capacity;

	@Autowired
	private KafkaTemplate<String, FlowgateEvent> template;

	private final KafkaTestClient.Reader results = this.kafka.reader(Topics.EXECUTIONS_COMPLETED);

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void llmEndpoint(DynamicPropertyRegistry registry) {
		OpenAiStub.install(llm, EngineFixture.LLM_KEY);
		registry.add("flowgate.runner.llm.base-url", () -> llm.url(""));
		registry.add("flowgate.runner.llm.api-key", () -> EngineFixture.LLM_KEY);
	}

	@AfterAll
	static void stopLlm() {
		llm.close();
	}

	@AfterEach
	void close() {
		this.results.close();
		this.kafka.close();
	}

	@Test
	void givesUpOnAResultSendOnlyAfterTheProducerHasSettledIt() {
		Object deliveryTimeout = this.template.getProducerFactory()
			.getConfigurationProperties()
			.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);

		// Else a send given up on could still land after its partition moved to a runner
		// that ran the trigger again: two results.
		assertThat(deliveryTimeout).isNotNull();
		assertThat(this.properties.triggers().sendTimeout())
			.isGreaterThan(Duration.ofMillis(Long.parseLong(deliveryTimeout.toString())));
	}

	@Test
	void countsLlmTokensFromTheStartSoThatTheFirstOnesShowAsAnIncrease() {
		// A registry of its own: the context's has seen this class's LLM calls.
		MeterRegistry fresh = new SimpleMeterRegistry();

		new ExecutionMetrics(fresh, this.capacity);

		for (String type : new String[] { "prompt", "completion" }) {
			assertThat(fresh.find(ExecutionMetrics.TOKENS).tag("type", type).counter()).as(type)
				.isNotNull()
				.satisfies((counter) -> assertThat(counter.count()).isZero());
		}
	}

	@Test
	void publishesAResultTooLargeForKafkaAsAFailureWithoutItsOutputs() {
		String owner = id();
		// Each output within what one template renders, all five past what Kafka takes.
		Flows flow = Flows.flow().input("part");
		List<String> outputs = List.of("a", "b", "c", "d", "e");
		outputs.forEach((name) -> flow.output(name, "{{input.part}}").edge("part", name));
		DeploymentStateChanged deployment = Deployments.of(id(), owner, flow.build(), DeliveryTarget.NONE);
		Deployments.deploy(this.kafka, this.view, deployment);
		String executionId = id();

		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId, Deployments.trigger(executionId,
				deployment.deploymentId(), owner, Map.of("part", "x".repeat(900_000)), null));

		ExecutionCompleted result = awaitResult(executionId);
		assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(result.error().code()).isEqualTo("result_too_large");
		assertThat(result.error().message()).contains("max.request.size");
		assertThat(result.outputs()).isEmpty();
		assertThat(result.trace()).extracting(NodeTrace::nodeId).containsExactly("part", "a", "b", "c", "d", "e");
		assertThat(result.trace()).extracting(NodeTrace::output).containsOnlyNulls();
	}

	@Test
	void publishesAResultNestedDeeperThanJsonAllowsAsAFailureWithoutItsOutputs() {
		String owner = id();
		DeploymentStateChanged deployment = Deployments.of(id(), owner,
				Flows.flow()
					.node("doc", "input", Map.of("name", "doc", "inputType", "json"))
					.output("copy", "{{input.doc}}")
					.edge("doc", "copy")
					.build(),
				DeliveryTarget.NONE);
		Deployments.deploy(this.kafka, this.view, deployment);
		String executionId = id();
		// The trigger is at the writers' depth limit (500); the trace puts it deeper.
		Object doc = "bottom";
		for (int level = 0; level < 498; level++) {
			doc = List.of(doc);
		}

		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId,
				Deployments.trigger(executionId, deployment.deploymentId(), owner, Map.of("doc", doc), null));

		ExecutionCompleted result = awaitResult(executionId);
		assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(result.error().code()).isEqualTo("result_too_deep");
		assertThat(result.error().message()).contains("nesting depth").doesNotContain("bottom").hasSizeLessThan(300);
		assertThat(result.outputs()).isEmpty();
		assertThat(result.trace()).extracting(NodeTrace::output).containsOnlyNulls();
	}

	@Test
	void runsATriggeredFlowAndPublishesItsOneResult() {
		String owner = id();
		DeploymentStateChanged deployment = Deployments.of(id(), owner,
				Flows.flow()
					.input("question")
					.node("ask", "llm", Map.of("model", "gpt-test", "prompt", "{{input.question}}"))
					.output("answer", "{{ask.text}}")
					.edge("question", "ask")
					.edge("ask", "answer")
					.build(),
				new DeliveryTarget("https://default.example.com/hook", null, true));
		Deployments.deploy(this.kafka, this.view, deployment);
		String executionId = id();

		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId, Deployments.trigger(executionId,
				deployment.deploymentId(), owner, Map.of("question", "Why?"), "https://caller.example.com/hook"));

		ExecutionCompleted result = awaitResult(executionId);
		assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(result.outputs()).containsExactly(Map.entry("answer", "echo user: Why?"));
		assertThat(result.tokenUsage()).isEqualTo(new TokenUsage(2, 3));
		assertThat(result.trace()).hasSize(3);
		// Milliseconds, as every other time the API gives.
		assertThat(result.trace()).allSatisfy((node) -> assertThat(node.startedAt().getNano() % 1_000_000).isZero());
		assertThat(result.replyTo()).isEqualTo("gw-test");
		assertThat(result.delivery().callbackUrl()).isEqualTo("https://caller.example.com/hook");
		assertThat(result.ownerId()).isEqualTo(owner);
		assertThat(result.runnerId()).isEqualTo("runner-it");
	}

	@Test
	void runsTheFlowOnceForTwoTriggersWithTheSameExecutionId() {
		AtomicInteger calls = new AtomicInteger();
		llm.on("/once", (request) -> {
			calls.incrementAndGet();
			return Reply.json(200, "{}").after(Duration.ofMillis(300));
		});
		String owner = id();
		DeploymentStateChanged deployment = Deployments.of(id(), owner,
				Flows.flow().node("call", "http", Map.of("url", llm.url("/once"))).build(), DeliveryTarget.NONE);
		Deployments.deploy(this.kafka, this.view, deployment);
		String executionId = id();
		ExecutionRequested trigger = Deployments.trigger(executionId, deployment, Map.of());

		// As two gateways publish when one idempotency key reaches both at once.
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId, trigger);
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId, trigger);

		assertThat(awaitResult(executionId).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		await().during(Duration.ofSeconds(1))
			.atMost(RESULT_WAIT)
			.untilAsserted(() -> assertThat(resultsFor(executionId)).hasSize(1));
		assertThat(calls).hasValue(1);
	}

	@Test
	void stopsARunningExecutionWhoseCancellationFollowsItsTrigger() {
		String path = "/cancel-" + id();
		llm.on(path, (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(20)));
		String owner = id();
		DeploymentStateChanged deployment = Deployments.of(id(), owner,
				Flows.flow().node("call", "http", Map.of("url", llm.url(path))).build(), DeliveryTarget.NONE);
		Deployments.deploy(this.kafka, this.view, deployment);
		String executionId = id();
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId,
				Deployments.trigger(executionId, deployment, Map.of()));
		await().atMost(RESULT_WAIT).until(() -> !llm.arrivals(path).isEmpty());

		ExecutionCancellationRequested request = cancellation(executionId, deployment);
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId, request);

		ExecutionCompleted result = awaitResult(executionId);
		assertThat(result.status()).isEqualTo(ExecutionStatus.CANCELLED);
		assertThat(result.cancelRequestedAt()).isEqualTo(request.occurredAt());
		assertThat(result.error().code()).isEqualTo("cancelled");
		assertThat(result.trace()).singleElement()
			.satisfies((node) -> assertThat(node.error()).isEqualTo("cancelled: the owner cancelled the execution"));
	}

	@Test
	void keepsTheResultOfAnExecutionThatEndedBeforeItsCancellation() {
		DeploymentStateChanged deployment = Deployments.echo(id(), id());
		Deployments.deploy(this.kafka, this.view, deployment);
		String executionId = id();
		String next = idInPartitionOf(executionId);
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId,
				Deployments.trigger(executionId, deployment, Map.of("text", "done")));
		assertThat(awaitResult(executionId).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId, cancellation(executionId, deployment));
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, next,
				Deployments.trigger(next, deployment, Map.of("text", "after")));

		assertThat(awaitResult(next).outputs()).containsExactly(Map.entry("echo", "after"));
		assertThat(resultsFor(executionId)).singleElement().satisfies((result) -> {
			assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
			assertThat(result.cancelRequestedAt()).isNull();
		});
	}

	@Test
	void failsAnUndecodableTriggerAndRunsTheNextOneInItsPartition() {
		String owner = id();
		DeploymentStateChanged deployment = Deployments.echo(id(), owner);
		Deployments.deploy(this.kafka, this.view, deployment);
		String broken = id();
		String next = idInPartitionOf(broken);

		this.kafka.publishRaw(Topics.EXECUTIONS_REQUESTED, broken, "{\"type\":\"execution.requested\", oops");
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, next,
				Deployments.trigger(next, deployment, Map.of("text", "still running")));

		ExecutionCompleted failed = awaitResult(broken);
		assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(failed.error().code()).isEqualTo("invalid_trigger");
		assertThat(failed.error().message()).startsWith("the trigger could not be decoded: ");
		ExecutionCompleted ran = awaitResult(next);
		assertThat(ran.outputs()).containsExactly(Map.entry("echo", "still running"));
	}

	@Test
	void failsTriggersForUnknownForeignOrDeletedDeployments() {
		DeploymentStateChanged deployment = Deployments.echo(id(), id());
		DeploymentStateChanged deleted = Deployments.echo(id(), deployment.ownerId());
		Deployments.deploy(this.kafka, this.view, deployment);
		this.kafka.publish(Topics.DEPLOYMENTS, deleted.deploymentId(), deleted);
		this.kafka.publish(Topics.DEPLOYMENTS, deleted.deploymentId(), null);
		String foreign = id();
		String unknown = id();
		String gone = id();

		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, foreign,
				Deployments.trigger(foreign, deployment.deploymentId(), "someone-else", Map.of("text", "x"), null));
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, unknown,
				Deployments.trigger(unknown, "no-such-deployment", deployment.ownerId(), Map.of(), null));
		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, gone, Deployments.trigger(gone, deleted, Map.of("text", "x")));

		assertThat(awaitResult(foreign).error()).isEqualTo(new ExecutionError(null, "invalid_trigger",
				"the deployment '%s' does not exist".formatted(deployment.deploymentId())));
		assertThat(awaitResult(unknown).error().message())
			.isEqualTo("the deployment 'no-such-deployment' does not exist");
		assertThat(awaitResult(gone).error().message())
			.isEqualTo("the deployment '%s' does not exist".formatted(deleted.deploymentId()));
		assertThat(awaitResult(foreign).delivery()).isEqualTo(DeliveryTarget.NONE);
	}

	@Test
	void deadLettersATriggerThatNamesNoExecutionAndCountsIt() {
		String garbage = "not a trigger " + id();
		Counter deadLettersCounted = this.meters.counter(DeadLetters.COUNTER, "topic",
				Topics.EXECUTIONS_REQUESTED.name());
		double countedBefore = deadLettersCounted.count();
		KafkaTestClient.Reader deadLetters = this.kafka.reader(Topics.DEAD_LETTER);

		this.kafka.publishRaw(Topics.EXECUTIONS_REQUESTED, null, garbage);

		await().atMost(RESULT_WAIT).untilAsserted(() -> {
			List<ConsumerRecord<String, byte[]>> parked = deadLetters.poll()
				.stream()
				.filter((record) -> garbage.equals(new String(record.value(), StandardCharsets.UTF_8)))
				.toList();
			assertThat(parked).singleElement()
				.satisfies((record) -> assertThat(new String(
						record.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
					.isEqualTo(Topics.EXECUTIONS_REQUESTED.name()));
		});
		deadLetters.close();
		await().untilAsserted(() -> assertThat(deadLettersCounted.count()).isEqualTo(countedBefore + 1));
	}

	@Test
	void reportsReadyOnceTheDeploymentViewCaughtUp() throws Exception {
		HttpResponse<String> readiness = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");
	}

	private ExecutionCompleted awaitResult(String executionId) {
		await().atMost(RESULT_WAIT).until(() -> resultsFor(executionId), (found) -> !found.isEmpty());
		// Exactly one: no second result turns up while the runner keeps going.
		await().during(Duration.ofMillis(500))
			.atMost(RESULT_WAIT)
			.until(() -> resultsFor(executionId), (found) -> found.size() == 1);
		return resultsFor(executionId).get(0);
	}

	private static ExecutionCancellationRequested cancellation(String executionId, DeploymentStateChanged deployment) {
		return new ExecutionCancellationRequested(UUID.randomUUID(), ExecutionCancellationRequested.SCHEMA_VERSION,
				Instant.now(), executionId, deployment.ownerId(), deployment.deploymentId());
	}

	private List<ExecutionCompleted> resultsFor(String executionId) {
		return this.results.events(ExecutionCompleted.class)
			.stream()
			.filter((result) -> result.executionId().equals(executionId))
			.toList();
	}

	private static String idInPartitionOf(String other) {
		int partition = KafkaTestClient.partitionOf(other, Topics.EXECUTIONS_REQUESTED);
		String candidate = id();
		while (KafkaTestClient.partitionOf(candidate, Topics.EXECUTIONS_REQUESTED) != partition) {
			candidate = id();
		}
		return candidate;
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}
