package dev.flowgate.deployments.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.awaitility.Awaitility;
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
import dev.flowgate.deployments.domain.usage.UsageSummaries;

import static org.assertj.core.api.Assertions.assertThat;

/** A deployment's usage bucket by bucket, for a chart. */
@IntegrationTest
class UsageSeriesTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private UsageSummaries summaries;

	@Test
	void splitsTheWindowIntoHoursTheSameBeforeAndAfterTheyAreSummed() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String deploymentId = api.deployAnswerFlow();
		EventSender events = new EventSender(this.kafka);
		// Ten minutes into an hour, so that both executions fall in it.
		Instant threeHoursAgo = Instant.now()
			.truncatedTo(ChronoUnit.HOURS)
			.minus(Duration.ofHours(3))
			.plus(Duration.ofMinutes(10));
		events.sendExecution(api.ownerId(), deploymentId, threeHoursAgo, ExecutionStatus.SUCCEEDED, 100);
		events.sendExecution(api.ownerId(), deploymentId, threeHoursAgo.plusSeconds(1), ExecutionStatus.FAILED, 300);
		events.send(EventSender.rejected(api.ownerId(), deploymentId, threeHoursAgo, "rate_limited", 4));
		Consumption.awaitCaughtUp(EventSender.executionTopics());

		JsonNode fromExecutions = series(api, deploymentId, "window=24h");
		Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(this.summaries::run);
		JsonNode fromSummaries = series(api, deploymentId, "window=24h");

		Map<String, JsonNode> before = usageByBucket(fromExecutions);
		Map<String, JsonNode> after = usageByBucket(fromSummaries);
		before.keySet().retainAll(after.keySet());
		after.keySet().retainAll(before.keySet());
		assertThat(after).hasSizeGreaterThanOrEqualTo(23).isEqualTo(before);
		assertThat(fromExecutions.path("bucket").asString()).isEqualTo("1h");
		JsonNode points = fromExecutions.path("points");
		assertThat(points.size()).isBetween(24, 25);
		JsonNode hour = pointFrom(points, threeHoursAgo.truncatedTo(ChronoUnit.HOURS));
		assertThat(hour.path("to").asString())
			.isEqualTo(threeHoursAgo.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)).toString());
		assertThat(hour.path("usage").path("calls").asLong()).isEqualTo(2);
		assertThat(hour.path("usage").path("failures").asLong()).isEqualTo(1);
		assertThat(hour.path("usage").path("durationMillis").path("p99").asLong()).isEqualTo(300);
		assertThat(hour.path("usage").path("rejected").path("byReason").path("rate_limited").asLong()).isEqualTo(4);
		long calls = 0;
		for (JsonNode point : points) {
			calls += point.path("usage").path("calls").asLong();
		}
		assertThat(calls)
			.isEqualTo(api.get("/v1/deployments/" + deploymentId + "/usage?window=24h").json().path("calls").asLong());
	}

	@Test
	void sumsEveryDeploymentOfTheOwner() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String one = api.deployAnswerFlow();
		String other = api.deployAnswerFlow();
		EventSender events = new EventSender(this.kafka);
		Instant recently = Instant.now().minus(Duration.ofMinutes(2));
		events.sendExecution(api.ownerId(), one, recently, ExecutionStatus.SUCCEEDED, 100);
		events.sendExecution(api.ownerId(), other, recently, ExecutionStatus.FAILED, 300);
		events.sendExecution(api.asAnotherOwner().ownerId(), one, recently, ExecutionStatus.SUCCEEDED, 5);

		ApiClient.Response answer = api.get("/v1/usage/series?window=1h");

		assertThat(answer.status()).isEqualTo(200);
		long calls = 0;
		long failures = 0;
		for (JsonNode point : answer.json().path("points")) {
			calls += point.path("usage").path("calls").asLong();
			failures += point.path("usage").path("failures").asLong();
		}
		assertThat(calls).isEqualTo(2);
		assertThat(failures).isEqualTo(1);
		assertThat(api.get("/v1/usage/series?window=30d&bucket=5m").status()).isEqualTo(400);
	}

	@Test
	void takesTheBucketAsked() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String deploymentId = api.deployAnswerFlow();

		JsonNode hour = series(api, deploymentId, "window=1h");
		JsonNode week = series(api, deploymentId, "window=7d&bucket=1d");

		assertThat(hour.path("bucket").asString()).isEqualTo("5m");
		assertThat(hour.path("points").size()).isBetween(12, 13);
		JsonNode last = hour.path("points").get(hour.path("points").size() - 1);
		// Ends now, in milliseconds like every other time of the API.
		assertThat(last.path("to").asString()).matches("\\S+T\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
		assertThat(week.path("bucket").asString()).isEqualTo("1d");
		assertThat(week.path("points").size()).isBetween(7, 8);
	}

	@Test
	void answersABucketThatIsUnknownLongerThanTheWindowOrMakesTooManyPointsWith400() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String deploymentId = api.deployAnswerFlow();
		String path = "/v1/deployments/" + deploymentId + "/usage/series";

		ApiClient.Response unknown = api.get(path + "?bucket=2h");
		ApiClient.Response tooMany = api.get(path + "?window=7d&bucket=5m");
		ApiClient.Response longerThanTheWindow = api.get(path + "?window=1h&bucket=1d");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).isEqualTo("application/problem+json");
		assertThat(unknown.json().toString()).contains("bucket", "5m, 1h, 1d");
		assertThat(tooMany.status()).isEqualTo(400);
		// 2,016 five-minute buckets, one more unless now is on a five-minute mark.
		assertThat(tooMany.json().toString()).containsPattern("5m over 7d gives 201[67] buckets, more than 1000");
		assertThat(longerThanTheWindow.status()).isEqualTo(400);
		assertThat(longerThanTheWindow.json().toString()).contains("1d is longer than the window, 1h");
		assertThat(api.asAnotherOwner().get(path).status()).isEqualTo(404);
	}

	private static JsonNode series(ApiClient api, String deploymentId, String query) {
		ApiClient.Response answer = api.get("/v1/deployments/" + deploymentId + "/usage/series?" + query);
		assertThat(answer.status()).isEqualTo(200);
		return answer.json();
	}

	/**
	 * Each bucket's usage by its start, but the last (it ends now). Should an hour begin
	 * between two series, they have all but their first and last buckets in common.
	 */
	private static Map<String, JsonNode> usageByBucket(JsonNode series) {
		Map<String, JsonNode> usage = new LinkedHashMap<>();
		JsonNode points = series.path("points");
		for (int i = 0; i < points.size() - 1; i++) {
			usage.put(points.get(i).path("from").asString(), points.get(i).path("usage"));
		}
		return usage;
	}

	private static JsonNode pointFrom(JsonNode points, Instant from) {
		for (JsonNode point : points) {
			if (Instant.parse(point.path("from").asString()).equals(from)) {
				return point;
			}
		}
		throw new AssertionError("No point from " + from + " in " + points);
	}

}
