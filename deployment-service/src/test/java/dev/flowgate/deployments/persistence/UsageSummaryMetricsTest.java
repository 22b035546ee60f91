package dev.flowgate.deployments.persistence;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;

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
		new EventSender(this.kafka).sendExecution(api.ownerId(), api.deployAnswerFlow(),
				Instant.now().minus(Duration.ofHours(2)), ExecutionStatus.SUCCEEDED, 10);
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
