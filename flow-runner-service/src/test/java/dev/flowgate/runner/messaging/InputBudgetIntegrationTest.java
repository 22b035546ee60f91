package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
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
 * Large inputs in flight pause a runner before its execution cap: many large triggers at
 * once cannot run it out of memory.
 */
@FlowgateInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "flowgate.runner.runner-id=runner-weighed", "flowgate.runner.triggers.poll-records=2",
				"flowgate.runner.triggers.max-in-flight-inputs=1MB" })
@DirtiesContext
class InputBudgetIntegrationTest {

	private static final int EXECUTIONS = 20;

	/** Five fill the budget. */
	private static final int INPUT_CHARACTERS = 200 * 1024;

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
	void runsFewerLargeTriggersAtOnceThanItsCapAndStillRunsEveryOne() {
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofMillis(300)));
		DeploymentStateChanged deployment = Deployments.of(UUID.randomUUID().toString(), "owner-weighed",
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build(), DeliveryTarget.NONE);
		this.kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		Map<String, ExecutionRequested> triggers = Deployments.triggers(deployment, EXECUTIONS,
				(n) -> Map.of("text", "x".repeat(INPUT_CHARACTERS)));

		this.kafka.publishAll(Topics.EXECUTIONS_REQUESTED, triggers);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> Results.of(this.results.events(ExecutionCompleted.class), triggers.keySet()).size(),
					(done) -> done == EXECUTIONS);
		assertThat(Results.peakConcurrency(this.api.received("/slow")))
			.as("calls in flight at once: five fill the budget, one poll of two may go past it")
			.isBetween(2, 7);
	}

}
