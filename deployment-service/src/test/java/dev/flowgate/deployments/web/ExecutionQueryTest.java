package dev.flowgate.deployments.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.TriggersRejected;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.Consumption;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.SampleFlows;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.deployments.domain.usage.UsageSummaries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists and usage over six recorded executions of one deployment, created 2 days, 2
 * hours, 50, 30, 10 and 5 minutes ago.
 */
@IntegrationTest
class ExecutionQueryTest {

	/** Recorded once for all tests: they only read. */
	private static final String OTHER_KEY = "key-2";

	private static ExecutionQueryTest fixture;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private UsageSummaries summaries;

	private ApiClient api;

	private String deploymentId;

	/** By age, oldest first. */
	private final List<String> ids = new ArrayList<>();

	@BeforeEach
	void sixExecutions() {
		if (fixture == null) {
			record();
			fixture = this;
			return;
		}
		this.api = fixture.api;
		this.deploymentId = fixture.deploymentId;
		this.ids.addAll(fixture.ids);
	}

	private void record() {
		this.api = ApiClient.forNewOwner(this.mvc);
		String flowId = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		this.deploymentId = this.api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(flowId)).text("id");
		List<FlowgateEvent> events = new ArrayList<>();
		events.addAll(finished(Duration.ofDays(2), ExecutionStatus.SUCCEEDED, 1000));
		events.addAll(finished(Duration.ofHours(2), ExecutionStatus.SUCCEEDED, 100));
		events.addAll(finished(Duration.ofMinutes(50), ExecutionStatus.FAILED, 200, OTHER_KEY));
		events.addAll(finished(Duration.ofMinutes(30), ExecutionStatus.SUCCEEDED, 300));
		events.addAll(finished(Duration.ofMinutes(10), ExecutionStatus.TIMED_OUT, 400, OTHER_KEY));
		events.add(execution(Duration.ofMinutes(5)).requested(Map.of("question", "pending")));
		TriggersRejected recent = rejected(Duration.ofMinutes(20), Map.of("invalid_input", 2L, "rate_limited", 5L));
		// Sent twice, as Kafka may redeliver it: counted once.
		events.addAll(List.of(recent, recent, rejected(Duration.ofMinutes(3), Map.of("invalid_input", 1L)),
				rejected(Duration.ofDays(2), Map.of("forbidden", 4L))));
		new EventSender(this.kafka).send(events.toArray(FlowgateEvent[]::new));
		Consumption.awaitCaughtUp(EventSender.executionTopics());
	}

	@Test
	void pagesNewestFirstWithACursor() {
		JsonNode first = list("?limit=2");
		JsonNode second = list("?limit=2&cursor=" + first.path("nextCursor").asString());
		JsonNode third = list("?limit=2&cursor=" + second.path("nextCursor").asString());

		assertThat(ids(first)).containsExactly(this.ids.get(5), this.ids.get(4));
		assertThat(ids(second)).containsExactly(this.ids.get(3), this.ids.get(2));
		assertThat(ids(third)).containsExactly(this.ids.get(1), this.ids.get(0));
		assertThat(third.path("nextCursor").isNull()).isTrue();
	}

	@Test
	void filtersByStatus() {
		assertThat(listIds("?status=succeeded")).containsExactly(this.ids.get(3), this.ids.get(1), this.ids.get(0));
		assertThat(listIds("?status=queued")).containsExactly(this.ids.get(5));
	}

	@Test
	void filtersByCreationTime() {
		String from = fixture.now.minus(Duration.ofHours(1)).toString();
		String to = fixture.now.minus(Duration.ofMinutes(20)).toString();

		assertThat(listIds("?from=" + from)).containsExactly(this.ids.get(5), this.ids.get(4), this.ids.get(3),
				this.ids.get(2));
		assertThat(listIds("?from=" + from + "&to=" + to)).containsExactly(this.ids.get(3), this.ids.get(2));
	}

	@Test
	void filtersByKey() {
		JsonNode byOtherKey = list("?key_id=" + OTHER_KEY);

		assertThat(ids(byOtherKey)).containsExactly(this.ids.get(4), this.ids.get(2));
		assertThat(byOtherKey.path("items").get(0).path("key_id").asString()).isEqualTo(OTHER_KEY);
		assertThat(listIds("?key_id=" + OTHER_KEY + "&status=failed")).containsExactly(this.ids.get(2));
		assertThat(listIds("?key_id=no-such-key")).isEmpty();
	}

	@Test
	void reportsTheUsageOfOneKey() {
		String path = "/v1/deployments/" + this.deploymentId + "/usage";

		JsonNode report = this.api.get(path + "?window=24h&key_id=" + OTHER_KEY).json();
		JsonNode series = this.api.get(path + "/series?window=24h&key_id=" + OTHER_KEY).json();

		assertThat(report.path("calls").asLong()).isEqualTo(2);
		assertThat(report.path("failures").asLong()).isEqualTo(1);
		assertThat(report.path("timeouts").asLong()).isEqualTo(1);
		assertThat(report.path("durationMillis").path("p99").asLong()).isEqualTo(400);
		// Refused calls are counted per deployment, not per key.
		assertThat(report.path("rejected").path("total").asLong()).isZero();
		long calls = 0;
		for (JsonNode point : series.path("points")) {
			calls += point.path("usage").path("calls").asLong();
		}
		assertThat(calls).isEqualTo(2);
		assertThat(this.api.get(path + "?window=24h&key_id=no-such-key").json().path("calls").asLong()).isZero();
	}

	@Test
	void reportsTheUsageOfOneKeyOverTheOwnersDeployments() {
		JsonNode overview = this.api.get("/v1/usage?window=24h&key_id=" + OTHER_KEY).json();
		JsonNode series = this.api.get("/v1/usage/series?window=24h&key_id=" + OTHER_KEY).json();

		assertThat(overview.path("total").path("calls").asLong()).isEqualTo(2);
		assertThat(overview.path("total").path("timeouts").asLong()).isEqualTo(1);
		assertThat(overview.path("total").path("rejected").path("total").asLong()).isZero();
		assertThat(overview.path("deployments").get(0).path("usage").path("calls").asLong()).isEqualTo(2);
		assertThat(overview.path("deployments").get(0).path("usage").path("rejected").path("total").asLong()).isZero();
		long calls = 0;
		for (JsonNode point : series.path("points")) {
			calls += point.path("usage").path("calls").asLong();
		}
		assertThat(calls).isEqualTo(2);
	}

	@Test
	void answersWrongQueryParametersWith400() {
		String path = "/v1/deployments/" + this.deploymentId + "/executions";

		assertThat(this.api.get(path + "?status=done").status()).isEqualTo(400);
		assertThat(this.api.get(path + "?limit=0").status()).isEqualTo(400);
		assertThat(this.api.get(path + "?cursor=bm9wZQ").status()).isEqualTo(400);
		assertThat(this.api.get(path + "?from=yesterday").status()).isEqualTo(400);
		assertThat(this.api.get(path + "?from=-300000000-01-01T00:00:00Z").status()).isEqualTo(400);
		assertThat(this.api.get("/v1/executions?to=+300000000-01-01T00:00:00Z").status()).isEqualTo(400);
	}

	@Test
	void answersEveryWrongQueryParameterAtOnceWith400() {
		ApiClient.Response refused = this.api
			.get("/v1/deployments/" + this.deploymentId + "/executions?limit=0&status=done");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.text("title")).isEqualTo("Invalid request");
		assertThat(refused.invalidFields()).containsExactly("status", "limit");
	}

	@Test
	void reportsUsageOverEachWindow() {
		assertUsageOverEachWindow();
	}

	@Test
	void reportsTheSameUsageOnceItsHoursAreSummed() {
		// A run that starts past the late-write margin (IntegrationTest) after the
		// fixture: its executions of earlier hours are read from the summaries then.
		Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(this.summaries::run);

		assertUsageOverEachWindow();
	}

	private void assertUsageOverEachWindow() {
		JsonNode hour = usage("1h");
		assertThat(hour.path("window").asString()).isEqualTo("1h");
		assertThat(hour.path("calls").asLong()).isEqualTo(4);
		assertThat(hour.path("successes").asLong()).isEqualTo(1);
		assertThat(hour.path("failures").asLong()).isEqualTo(1);
		assertThat(hour.path("timeouts").asLong()).isEqualTo(1);
		assertThat(hour.path("durationMillis").path("p50").asLong()).isEqualTo(300);
		assertThat(hour.path("durationMillis").path("p95").asLong()).isEqualTo(400);
		assertThat(hour.path("durationMillis").path("p99").asLong()).isEqualTo(400);
		assertThat(hour.path("llmTokens").path("prompt").asLong()).isEqualTo(36);
		assertThat(hour.path("llmTokens").path("completion").asLong()).isEqualTo(15);
		assertThat(hour.path("llmTokens").path("total").asLong()).isEqualTo(51);
		assertThat(hour.path("rejected").path("total").asLong()).isEqualTo(8);
		assertThat(hour.path("rejected").path("byReason").path("invalid_input").asLong()).isEqualTo(3);
		assertThat(hour.path("rejected").path("byReason").path("rate_limited").asLong()).isEqualTo(5);

		JsonNode day = this.api.get("/v1/deployments/" + this.deploymentId + "/usage").json();
		assertThat(day.path("window").asString()).isEqualTo("24h");
		assertThat(day.path("calls").asLong()).isEqualTo(5);
		assertThat(day.path("durationMillis").path("p50").asLong()).isEqualTo(200);

		assertThat(day.path("rejected").path("byReason").has("forbidden")).isFalse();
		assertThat(usage("7d").path("calls").asLong()).isEqualTo(6);
		assertThat(usage("7d").path("rejected").path("total").asLong()).isEqualTo(12);
		assertThat(usage("30d").path("durationMillis").path("p99").asLong()).isEqualTo(1000);
	}

	@Test
	void answersAnUnknownWindowWith400() {
		ApiClient.Response response = this.api.get("/v1/deployments/" + this.deploymentId + "/usage?window=2h");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.invalidFields()).containsExactly("window");
	}

	@Test
	void listsTheExecutionsOfAllTheOwnersDeploymentsNewestFirst() {
		ApiClient owner = ApiClient.forNewOwner(this.mvc);
		String flowId = owner.post("/v1/flows", SampleFlows.ANSWER).text("id");
		String first = owner.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(flowId)).text("id");
		String second = owner.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(flowId)).text("id");
		ExecutionEvents oldest = ownedBy(owner, first, Duration.ofMinutes(30)).by("key-1");
		ExecutionEvents middle = ownedBy(owner, second, Duration.ofMinutes(20)).by("key-9");
		ExecutionEvents newest = ownedBy(owner, first, Duration.ofMinutes(10)).by("key-1");
		new EventSender(this.kafka).send(oldest.requested(Map.of("question", "a")),
				oldest.completed(ExecutionStatus.FAILED, 10), middle.requested(Map.of("question", "b")),
				middle.completed(ExecutionStatus.SUCCEEDED, 10), newest.requested(Map.of("question", "c")));
		Consumption.awaitCaughtUp(EventSender.executionTopics());

		JsonNode all = owner.get("/v1/executions").json();
		JsonNode firstPage = owner.get("/v1/executions?limit=2").json();

		assertThat(ids(all)).containsExactly(newest.executionId(), middle.executionId(), oldest.executionId());
		assertThat(ids(firstPage)).containsExactly(newest.executionId(), middle.executionId());
		assertThat(ids(owner.get("/v1/executions?limit=2&cursor=" + firstPage.path("nextCursor").asString()).json()))
			.containsExactly(oldest.executionId());
		assertThat(ids(owner.get("/v1/executions?key_id=key-9").json())).containsExactly(middle.executionId());
		assertThat(ids(owner.get("/v1/executions?status=failed").json())).containsExactly(oldest.executionId());
		assertThat(ids(this.api.get("/v1/executions?key_id=key-9").json())).isEmpty();
		assertThat(owner.get("/v1/executions?limit=0").status()).isEqualTo(400);
	}

	@Test
	void listsAnExecutionOnlyOnceItsTriggerIsRecorded() {
		ApiClient owner = ApiClient.forNewOwner(this.mvc);
		String flowId = owner.post("/v1/flows", SampleFlows.ANSWER).text("id");
		String deployment = owner.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(flowId)).text("id");
		ExecutionEvents triggered = ownedBy(owner, deployment, Duration.ofMinutes(10));
		ExecutionEvents resultFirst = ownedBy(owner, deployment, Duration.ofMinutes(5));
		new EventSender(this.kafka).send(triggered.requested(Map.of("question", "a")),
				resultFirst.completed(ExecutionStatus.SUCCEEDED, 10));
		Consumption.awaitCaughtUp(EventSender.executionTopics());

		assertThat(ids(owner.get("/v1/executions").json())).containsExactly(triggered.executionId());
		assertThat(ids(owner.get("/v1/deployments/" + deployment + "/executions").json()))
			.containsExactly(triggered.executionId());
		assertThat(owner.get("/v1/executions/" + resultFirst.executionId()).text("status")).isEqualTo("succeeded");

		new EventSender(this.kafka).send(resultFirst.requested(Map.of("question", "b")));
		Consumption.awaitCaughtUp(EventSender.executionTopics());

		assertThat(ids(owner.get("/v1/executions").json())).containsExactly(resultFirst.executionId(),
				triggered.executionId());
	}

	@Test
	void hidesAnotherOwnersExecutionsAndUsage() {
		ApiClient stranger = this.api.asAnotherOwner();

		assertThat(stranger.get("/v1/deployments/" + this.deploymentId + "/executions").status()).isEqualTo(404);
		assertThat(stranger.get("/v1/deployments/" + this.deploymentId + "/usage").status()).isEqualTo(404);
	}

	private List<FlowgateEvent> finished(Duration age, ExecutionStatus status, long durationMillis) {
		return finished(age, status, durationMillis, "key-1");
	}

	private List<FlowgateEvent> finished(Duration age, ExecutionStatus status, long durationMillis, String keyId) {
		ExecutionEvents execution = execution(age).by(keyId);
		return List.of(execution.requested(Map.of("question", "q")), execution.completed(status, durationMillis));
	}

	private TriggersRejected rejected(Duration age, Map<String, Long> counts) {
		Instant to = this.now.minus(age);
		return new TriggersRejected(UUID.randomUUID(), TriggersRejected.SCHEMA_VERSION, to, this.api.ownerId(),
				this.deploymentId, to.minusSeconds(10), to, counts);
	}

	private ExecutionEvents execution(Duration age) {
		String id = UUID.randomUUID().toString();
		this.ids.add(id);
		return ExecutionEvents.of(id, this.api.ownerId(), this.deploymentId).at(this.now.minus(age));
	}

	private ExecutionEvents ownedBy(ApiClient owner, String deploymentId, Duration age) {
		return ExecutionEvents.of(UUID.randomUUID().toString(), owner.ownerId(), deploymentId).at(this.now.minus(age));
	}

	private JsonNode usage(String window) {
		return this.api.get("/v1/deployments/" + this.deploymentId + "/usage?window=" + window).json();
	}

	private JsonNode list(String query) {
		return this.api.get("/v1/deployments/" + this.deploymentId + "/executions" + query).json();
	}

	private List<String> listIds(String query) {
		return ids(list(query));
	}

	private static List<String> ids(JsonNode page) {
		return page.path("items").valueStream().map((item) -> item.path("id").asString()).toList();
	}

}
