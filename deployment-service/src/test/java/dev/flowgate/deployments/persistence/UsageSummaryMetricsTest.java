package dev.flowgate.deployments.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.Consumption;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.SampleFlows;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator sees of the hourly usage summaries on /actuator/prometheus. */
@IntegrationTest
class UsageSummaryMetricsTest {

	private static final double HOUR_SECONDS = Duration.ofHours(1).toSeconds();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private UsageSummarySchedule schedule;

	@Autowired
	private MeterRegistry meters;

	@Test
	void countsTheRunsAndShowsTheSummariesLessThanAnHourBehindAfterOne() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String flowId = api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		String deploymentId = api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(flowId)).text("id");
		ExecutionEvents execution = ExecutionEvents.of(UUID.randomUUID().toString(), api.ownerId(), deploymentId)
			.at(Instant.now().minus(Duration.ofHours(2)));
		new EventSender(this.kafka).send(execution.requested(Map.of("question", "q")),
				execution.completed(ExecutionStatus.SUCCEEDED, 10));
		Consumption.awaitCaughtUp(EventSender.executionTopics());
		long ranBefore = runs("ran");

		// Another run (the scheduled one) may hold the claim: that one counts as skipped.
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			this.schedule.sum();
			return runs("ran") > ranBefore;
		});

		double behind = this.meters.get(UsageSummarySchedule.BEHIND).gauge().value();
		assertThat(behind).isBetween(0.0, HOUR_SECONDS + 60);
	}

	private long runs(String outcome) {
		Timer timer = this.meters.find(UsageSummarySchedule.RUNS).tag("outcome", outcome).timer();
		return (timer != null) ? timer.count() : 0;
	}

}
