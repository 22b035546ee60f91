package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.test.FlowgateInfra;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Reply;
import dev.flowgate.runner.support.Deployments;
import dev.flowgate.runner.support.Flows;
import dev.flowgate.runner.support.KafkaTestClient;
import dev.flowgate.runner.support.Results;
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

	private static final int EXECUTIONS = 200;

	/**
	 * How long the API holds each call for the others to arrive: far longer than 200
	 * arrivals take even on a loaded machine, so only a runner that cannot hold them all
	 * at once makes it run out.
	 */
	private static final Duration ALL_ARRIVED_WITHIN = Duration.ofSeconds(60);

	private final HttpStub api = HttpStub.start();

	private final KafkaTestClient kafka = new KafkaTestClient();

	private final KafkaTestClient.Reader results = this.kafka.reader(Topics.EXECUTIONS_COMPLETED);

	@AfterEach
	void close() {
		this.results.close();
		this.kafka.close();
		this.api.close();
	}

	@Test
	void keepsTwoHundredExecutionsWaitingOnAnHttpCallInFlightAtOnce() {
		// Each call is answered only once all 200 are in flight: executions run in turn,
		// or a few at a time, would never all arrive.
		CountDownLatch arrivals = new CountDownLatch(EXECUTIONS);
		this.api.on("/slow", (request) -> {
			arrivals.countDown();
			return allArrived(arrivals) ? Reply.json(200, "{\"done\":true}")
					: Reply.json(503, "{\"error\":\"the other calls did not arrive\"}");
		});
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
		await().atMost(ALL_ARRIVED_WITHIN.plusSeconds(30))
			.until(() -> Results.of(this.results.events(ExecutionCompleted.class), triggers.keySet()).size(),
					(done) -> done == EXECUTIONS);
		System.out.printf("%d executions, each answered once all were in flight, took %d ms on one runner%n",
				EXECUTIONS, Duration.ofNanos(System.nanoTime() - start).toMillis());

		Map<String, List<ExecutionCompleted>> byExecution = Results.of(this.results.events(ExecutionCompleted.class),
				triggers.keySet());
		assertThat(byExecution.values()).allSatisfy((one) -> assertThat(one).singleElement()
			.extracting(ExecutionCompleted::status)
			.isEqualTo(ExecutionStatus.SUCCEEDED));
	}

	private static boolean allArrived(CountDownLatch arrivals) {
		try {
			return arrivals.await(ALL_ARRIVED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
