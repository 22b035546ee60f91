package dev.flowgate.deployments.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.Consumption;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An owner's usage of every deployment at once, and their sum. */
@IntegrationTest
class UsageOverviewTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Test
	void reportsEachDeploymentBusiestFirstAndTheirSum() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String quiet = api.deployAnswerFlow();
		String busy = api.deployAnswerFlow();
		String idle = api.deployAnswerFlow();
		EventSender events = new EventSender(this.kafka);
		Instant now = Instant.now();
		events.sendExecution(api.ownerId(), busy, now.minus(Duration.ofHours(2)), ExecutionStatus.SUCCEEDED, 100);
		events.sendExecution(api.ownerId(), busy, now.minus(Duration.ofMinutes(5)), ExecutionStatus.SUCCEEDED, 300);
		events.sendExecution(api.ownerId(), quiet, now.minus(Duration.ofMinutes(5)), ExecutionStatus.FAILED, 900);
		events.sendExecution(api.asAnotherOwner().ownerId(), busy, now, ExecutionStatus.SUCCEEDED, 5);
		events.send(EventSender.rejected(api.ownerId(), quiet, now, "rate_limited", 3),
				EventSender.rejected(api.ownerId(), busy, now, "rate_limited", 1));
		Consumption.awaitCaughtUp(EventSender.executionTopics());

		ApiClient.Response answer = api.get("/v1/usage?window=24h");

		assertThat(answer.status()).isEqualTo(200);
		JsonNode overview = answer.json();
		assertThat(overview.path("window").asString()).isEqualTo("24h");
		List<String> order = new ArrayList<>();
		overview.path("deployments").forEach((each) -> order.add(each.path("deploymentId").asString()));
		assertThat(order).containsExactly(busy, quiet, idle);
		JsonNode busyUsage = overview.path("deployments").get(0).path("usage");
		assertThat(busyUsage.path("calls").asLong()).isEqualTo(2);
		assertThat(busyUsage.path("durationMillis").path("p99").asLong()).isEqualTo(300);
		JsonNode total = overview.path("total");
		assertThat(total.path("calls").asLong()).isEqualTo(3);
		assertThat(total.path("successes").asLong()).isEqualTo(2);
		assertThat(total.path("failures").asLong()).isEqualTo(1);
		assertThat(total.path("durationMillis").path("p50").asLong()).isEqualTo(300);
		assertThat(total.path("durationMillis").path("p99").asLong()).isEqualTo(900);
		assertThat(total.path("rejected").path("byReason").path("rate_limited").asLong()).isEqualTo(4);
		assertThat(overview.path("deployments").get(2).path("usage").path("calls").asLong()).isZero();
	}

	@Test
	void answersAnUnknownWindowWith400() {
		ApiClient.Response answer = ApiClient.forNewOwner(this.mvc).get("/v1/usage?window=2h");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
	}

}
