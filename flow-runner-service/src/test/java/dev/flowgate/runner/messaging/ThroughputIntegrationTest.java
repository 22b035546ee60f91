package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.test.FlowgateInfra;
import dev.flowgate.runner.support.Deployments;
import dev.flowgate.runner.support.Flows;
import dev.flowgate.runner.support.KafkaTestClient;
import dev.flowgate.runner.support.Results;
import dev.flowgate.runner.support.StubServer;
import dev.flowgate.runner.support.StubServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One runner keeps hundreds of slow executions in flight instead of running them in turn.
 */
@FlowgateInfra
@SpringBootTest(properties = "flowgate.runner.runner-id=runner-throughput")
@DirtiesContext
class ThroughputIntegrationTest {

	static final int WORKER_THREADS = 4;

	private static final int EXECUTIONS = 200;

	private static final Duration API_LATENCY = Duration.ofSeconds(1);

	private final StubServer api = StubServer.start();

	private final KafkaTestClient kafka = new KafkaTestClient();

	private final KafkaTestClient.Reader results = this.kafka.reader(Topics.EXECUTIONS_COMPLETED);

	@AfterEach
	void close() {
		this.results.close();
		this.kafka.close();
		this.api.close();
	}

	@Test
	void runsTwoHundredExecutionsWithAOneSecondCallConcurrently() {
		this.api.on("/slow", (request) -> Reply.json(200, "{\"done\":true}").after(API_LATENCY));
		DeploymentStateChanged deployment = Deployments.of(UUID.randomUUID().toString(), "owner-throughput",
				Flows.flow()
					.input("n", "number")
					.node("call", "http", Map.of("url", this.api.url("/slow") + "?n={{input.n}}"))
					.output("done", "{{call.body.done}}")
					.edge("n", "call")
					.edge("call", "done")
					.build(),
				DeliveryTarget.NONE);
		this.kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		Map<String, ExecutionRequested> triggers = Deployments.triggers(deployment, EXECUTIONS, (n) -> Map.of("n", n));

		long start = System.nanoTime();
		this.kafka.publishAll(Topics.EXECUTIONS_REQUESTED, triggers);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Results.of(this.results.events(ExecutionCompleted.class), triggers.keySet()).size(),
					(done) -> done == EXECUTIONS);
		long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		System.out.printf("%d executions with a %d ms HTTP node took %d ms on one runner%n", EXECUTIONS,
				API_LATENCY.toMillis(), elapsedMillis);

		Map<String, List<ExecutionCompleted>> byExecution = Results.of(this.results.events(ExecutionCompleted.class),
				triggers.keySet());
		assertThat(byExecution.values()).allSatisfy((one) -> assertThat(one).singleElement()
			.extracting(ExecutionCompleted::status)
			.isEqualTo(ExecutionStatus.SUCCEEDED));
		assertThat(elapsedMillis).isLessThan(Duration.ofSeconds(30).toMillis());
		int peak = Results.peakConcurrency(this.api.received("/slow"));
		System.out.printf("at most %d calls were in flight at once%n", peak);
		// Generous: the spread of arrivals depends on the machine's load.
		assertThat(peak).as("calls in flight at once").isGreaterThanOrEqualTo(10 * WORKER_THREADS);
	}

}
