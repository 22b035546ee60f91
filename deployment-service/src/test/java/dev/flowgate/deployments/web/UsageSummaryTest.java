package dev.flowgate.deployments.web;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.domain.usage.UsageSummaries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage read from hourly summaries, and an execution recorded after its hour was summed.
 */
@IntegrationTest
class UsageSummaryTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private UsageSummaries summaries;

	@Test
	void countsAnExecutionRecordedAfterItsHourWasSummed() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String deploymentId = api.deployAnswerFlow();
		Instant threeHoursAgo = Instant.now().minus(Duration.ofHours(3));
		record(api, deploymentId, threeHoursAgo, ExecutionStatus.SUCCEEDED, 100);
		sumPastTheMargin();
		assertThat(dayUsage(api, deploymentId).path("calls").asLong()).isEqualTo(1);

		record(api, deploymentId, threeHoursAgo.plusSeconds(1), ExecutionStatus.FAILED, 300);

		JsonNode beforeTheNextRun = dayUsage(api, deploymentId);
		sumPastTheMargin();
		JsonNode summedAgain = dayUsage(api, deploymentId);
		for (JsonNode usage : new JsonNode[] { beforeTheNextRun, summedAgain }) {
			assertThat(usage.path("calls").asLong()).isEqualTo(2);
			assertThat(usage.path("failures").asLong()).isEqualTo(1);
			assertThat(usage.path("durationMillis").path("p99").asLong()).isEqualTo(300);
		}
	}

	private void record(ApiClient api, String deploymentId, Instant createdAt, ExecutionStatus status, long millis) {
		new EventSender(this.kafka).sendExecution(api.ownerId(), deploymentId, createdAt, status, millis);
	}

	/** A run that starts past the late-write margin after the last write. */
	private void sumPastTheMargin() {
		Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(this.summaries::run);
	}

	private static JsonNode dayUsage(ApiClient api, String deploymentId) {
		return api.get("/v1/deployments/" + deploymentId + "/usage?window=24h").json();
	}

}
