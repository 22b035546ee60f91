package dev.flowgate.deployments.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.Consumption;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.deployments.domain.usage.UsageSummaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

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

	@Autowired
	private MongoTemplate mongo;

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

	@Test
	void reportsEachKeysShareFromTheSummariesOnceItsExecutionsAreGone() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String deploymentId = api.deployAnswerFlow();
		Instant threeHoursAgo = Instant.now().minus(Duration.ofHours(3));
		EventSender sender = new EventSender(this.kafka);
		sendFinished(sender, api, deploymentId, "key-a", threeHoursAgo, ExecutionStatus.SUCCEEDED);
		sendFinished(sender, api, deploymentId, "key-a", threeHoursAgo.plusSeconds(1), ExecutionStatus.FAILED);
		sendFinished(sender, api, deploymentId, "key-b", threeHoursAgo.plusSeconds(2), ExecutionStatus.SUCCEEDED);
		Consumption.awaitCaughtUp(EventSender.executionTopics());
		sumPastTheMargin();

		this.mongo.remove(Query.query(where("ownerId").is(api.ownerId())), "executions");

		JsonNode keyA = api.get("/v1/deployments/" + deploymentId + "/usage?window=24h&key_id=key-a").json();
		assertThat(keyA.path("calls").asLong()).isEqualTo(2);
		assertThat(keyA.path("failures").asLong()).isEqualTo(1);
		JsonNode keyB = api.get("/v1/usage?window=24h&key_id=key-b").json();
		assertThat(keyB.path("total").path("calls").asLong()).isEqualTo(1);
		assertThat(dayUsage(api, deploymentId).path("calls").asLong()).isEqualTo(3);
	}

	@Test
	void countsAnExecutionWhoseResultCameBeforeItsTriggerOnceInItsTriggersHour() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String deploymentId = api.deployAnswerFlow();
		Instant hour = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
		// Triggered just before the hour, run into it.
		ExecutionEvents execution = ExecutionEvents.of(UUID.randomUUID().toString(), api.ownerId(), deploymentId)
			.at(hour.minusMillis(5));
		EventSender sender = new EventSender(this.kafka);
		sender.send(execution.completed(ExecutionStatus.SUCCEEDED, 100));
		Consumption.awaitCaughtUp(EventSender.executionTopics());
		sumPastTheMargin();

		sender.send(execution.requested(Map.of("question", "q")));
		Consumption.awaitCaughtUp(EventSender.executionTopics());
		sumPastTheMargin();

		assertThat(dayUsage(api, deploymentId).path("calls").asLong()).isEqualTo(1);
		List<String> hoursWithCalls = new ArrayList<>();
		for (JsonNode point : api.get("/v1/deployments/" + deploymentId + "/usage/series?window=24h")
			.json()
			.path("points")) {
			if (point.path("usage").path("calls").asLong() > 0) {
				hoursWithCalls.add(point.path("from").asString());
			}
		}
		assertThat(hoursWithCalls).containsExactly(hour.minus(Duration.ofHours(1)).toString());
	}

	private static void sendFinished(EventSender sender, ApiClient api, String deploymentId, String keyId,
			Instant createdAt, ExecutionStatus status) {
		ExecutionEvents execution = ExecutionEvents.of(UUID.randomUUID().toString(), api.ownerId(), deploymentId)
			.at(createdAt)
			.by(keyId);
		sender.send(execution.requested(Map.of("question", "q")), execution.completed(status, 100));
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
