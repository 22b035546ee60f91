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
 * At its in-flight cap a runner stops taking triggers, and takes them again as executions
 * finish.
 */
@FlowgateInfra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "flowgate.runner.runner-id=runner-capped",
				"flowgate.runner.triggers.max-in-flight=" + BackPressureIntegrationTest.CAP })
@DirtiesContext
class BackPressureIntegrationTest {

	static final int CAP = 8;

	private static final int EXECUTIONS = 40;

	private static final int QUICK_EXECUTIONS = 500;

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
	void neverRunsMoreThanTheCapAndStillRunsEveryTrigger() {
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofMillis(300)));
		DeploymentStateChanged deployment = Deployments.of(UUID.randomUUID().toString(), "owner-capped",
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build(), DeliveryTarget.NONE);
		this.kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		Map<String, ExecutionRequested> triggers = Deployments.triggers(deployment, EXECUTIONS, (n) -> Map.of());

		this.kafka.publishAll(Topics.EXECUTIONS_REQUESTED, triggers);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> Results.of(this.results.events(ExecutionCompleted.class), triggers.keySet()).size(),
					(done) -> done == EXECUTIONS);
		int peak = Results.peakConcurrency(this.api.received("/slow"));
		assertThat(peak).as("calls in flight at once").isLessThanOrEqualTo(CAP).isGreaterThanOrEqualTo(CAP / 2);
	}

	// Quick executions pause and resume the consumer many times, often while it is still
	// fetching: it must never stop taking triggers.
	@Test
	void keepsTakingTriggersThroughManyQuickPausesAndResumes() {
		this.api.on("/quick", (request) -> Reply.json(200, "{}"));
		DeploymentStateChanged deployment = Deployments.of(UUID.randomUUID().toString(), "owner-capped",
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/quick"))).build(), DeliveryTarget.NONE);
		this.kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		Map<String, ExecutionRequested> triggers = Deployments.triggers(deployment, QUICK_EXECUTIONS, (n) -> Map.of());

		this.kafka.publishAll(Topics.EXECUTIONS_REQUESTED, triggers);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> Results.of(this.results.events(ExecutionCompleted.class), triggers.keySet()).size(),
					(done) -> done == QUICK_EXECUTIONS);
		assertThat(Results.peakConcurrency(this.api.received("/quick"))).as("calls in flight at once")
			.isLessThanOrEqualTo(CAP);
	}

}
