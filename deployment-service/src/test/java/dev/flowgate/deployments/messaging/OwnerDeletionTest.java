package dev.flowgate.deployments.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.OwnerDeleted;
import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.Consumption;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.SampleFlows;
import dev.flowgate.deployments.TopicReader;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.deployments.domain.usage.UsageSummaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * An owner the platform admin deleted, announced by key-service on
 * {@code flowgate.owners}: this service erases the owner's flows, deployments (their
 * tombstones reach the gateways and runners), executions, usage and idempotency records,
 * and keeps every other owner's.
 */
@IntegrationTest
class OwnerDeletionTest {

	private static final String DEPLOYMENTS = Topics.DEPLOYMENTS.name();

	/** Every collection holding an owner's data before the deletion, for both owners. */
	private static final List<String> OWNED = List.of("flows", "flow_versions", "deployments", "executions",
			"usage_hours", "rejected_calls", "idempotency_keys");

	private static final Duration ERASED_WITHIN = Duration.ofSeconds(30);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private UsageSummaries summaries;

	private EventSender sender;

	@BeforeEach
	void sender() {
		this.sender = new EventSender(this.kafka);
	}

	@Test
	void erasesEverythingOfTheDeletedOwnerAndNothingOfAnother() {
		Owner erased = ownerWithData();
		Owner kept = ownerWithData();
		sumPastTheMargin();
		assertThat(documentsOf(erased.id())).containsKeys(OWNED.toArray(String[]::new));
		Map<String, Long> keptBefore = documentsOf(kept.id());
		assertThat(keptBefore).containsKeys(OWNED.toArray(String[]::new));

		this.sender.send(deleted(erased.id()));

		// Deployments are removed once their tombstones are out.
		await().atMost(ERASED_WITHIN).until(() -> documentsOf(erased.id()), Map::isEmpty);
		ApiClient api = erased.api();
		assertThat(api.get("/v1/flows/" + erased.flowId()).status()).isEqualTo(404);
		assertThat(api.get("/v1/flows").json().path("items").isEmpty()).isTrue();
		for (String deploymentId : erased.deploymentIds()) {
			assertThat(api.get("/v1/deployments/" + deploymentId).status()).isEqualTo(404);
			assertThat(api.get("/v1/deployments/" + deploymentId + "/usage?window=24h").status()).isEqualTo(404);
			assertThat(TopicReader.readKey(DEPLOYMENTS, deploymentId)).isNotEmpty();
			assertThat(TopicReader.latestValue(DEPLOYMENTS, deploymentId)).as("tombstone of " + deploymentId).isNull();
		}
		assertThat(api.get("/v1/deployments").json().path("items").isEmpty()).isTrue();
		for (String executionId : erased.executionIds()) {
			assertThat(api.get("/v1/executions/" + executionId).status()).isEqualTo(404);
		}
		assertThat(api.get("/v1/executions").json().path("items").isEmpty()).isTrue();
		JsonNode usage = api.get("/v1/usage?window=24h").json();
		assertThat(usage.path("total").path("calls").asLong()).isZero();
		assertThat(usage.path("deployments").isEmpty()).isTrue();

		assertIntact(kept);
		assertThat(documentsOf(kept.id())).containsOnlyKeys(keptBefore.keySet());
	}

	@Test
	void anExecutionInFlightWhenItsOwnerIsErasedIsNotRecordedWhenItEnds() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String deploymentId = api.deployAnswerFlow();
		ExecutionEvents inFlight = ExecutionEvents.of(UUID.randomUUID().toString(), api.ownerId(), deploymentId);
		this.sender.send(inFlight.requested(Map.of("question", "What is Kafka?")));
		await().until(() -> api.getRecordedOnly("/v1/executions/" + inFlight.executionId()).status() == 200);
		this.sender.send(deleted(api.ownerId()));
		await().atMost(ERASED_WITHIN).until(() -> documentsOf(api.ownerId()), Map::isEmpty);

		this.sender.send(inFlight.started(), inFlight.completed(ExecutionStatus.SUCCEEDED, 40));
		Consumption.awaitCaughtUp(EventSender.executionTopics());

		assertThat(api.get("/v1/executions/" + inFlight.executionId()).status()).isEqualTo(404);
		assertThat(documentsOf(api.ownerId())).isEmpty();
	}

	@Test
	void refusesToStoreAnythingNewForAnErasedOwner() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String flowId = api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		this.sender.send(deleted(api.ownerId()));
		await().atMost(ERASED_WITHIN).until(() -> documentsOf(api.ownerId()), Map::isEmpty);

		ApiClient.Response flow = api.post("/v1/flows", SampleFlows.ANSWER);
		ApiClient.Response deployment = api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(flowId));

		assertThat(flow.status()).as("a gateway still letting one of its keys through").isEqualTo(404);
		assertThat(flow.text("detail")).isEqualTo("Owner '" + api.ownerId() + "' not found");
		assertThat(deployment.status()).isEqualTo(404);
		assertThat(api.get("/v1/flows").status()).as("reads find nothing").isEqualTo(200);
		assertThat(documentsOf(api.ownerId())).isEmpty();
		assertThat(ApiClient.forNewOwner(this.mvc).post("/v1/flows", SampleFlows.ANSWER).status()).isEqualTo(201);
	}

	@Test
	void aDeletionReadAgainChangesNothingAndIsNotDeadLettered() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String deploymentId = api.deployAnswerFlow();
		OwnerDeleted deleted = deleted(api.ownerId());
		this.sender.send(deleted);
		await().atMost(ERASED_WITHIN).until(() -> documentsOf(api.ownerId()), Map::isEmpty);

		this.sender.send(deleted);
		Consumption.awaitCaughtUp(Topics.OWNERS.name());

		assertThat(TopicReader.readKey(Topics.DEAD_LETTER.name(), api.ownerId())).isEmpty();
		// Its state, then one tombstone.
		assertThat(TopicReader.readKey(DEPLOYMENTS, deploymentId)).hasSize(2);
		assertThat(documentsOf(api.ownerId())).isEmpty();
	}

	/**
	 * A flow at version 2 and another created with an {@code Idempotency-Key}, a
	 * production deployment and a disabled test one, a recent execution and one three
	 * hours old (summed into an hour), and refused calls.
	 */
	private Owner ownerWithData() {
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String flowId = api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		assertThat(api.put("/v1/flows/" + flowId, SampleFlows.ANSWER_V2).status()).isEqualTo(200);
		String idempotentFlowId = createFlowIdempotently(api);
		String production = api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(flowId)).text("id");
		String disabledTest = api
			.post("/v1/deployments", "{\"flowId\":\"%s\",\"environment\":\"test\",\"enabled\":false}".formatted(flowId))
			.text("id");
		String recent = this.sender.recordedExecution(api, production, Map.of("question", "What is Kafka?"));
		ExecutionEvents older = ExecutionEvents.of(UUID.randomUUID().toString(), api.ownerId(), production)
			.at(Instant.now().minus(Duration.ofHours(3)));
		this.sender.send(older.requested(Map.of("question", "q")), older.completed(ExecutionStatus.SUCCEEDED, 100),
				EventSender.rejected(api.ownerId(), production, Instant.now(), "rate_limited", 2));
		Consumption.awaitCaughtUp(EventSender.executionTopics());
		List<String> deploymentIds = List.of(production, disabledTest);
		for (String deploymentId : deploymentIds) {
			await().until(() -> !TopicReader.readKey(DEPLOYMENTS, deploymentId).isEmpty());
		}
		return new Owner(api, flowId, idempotentFlowId, deploymentIds, List.of(recent, older.executionId()));
	}

	private static String createFlowIdempotently(ApiClient api) {
		return api
			.performWithoutInternalHeaders(MockMvcRequestBuilders.post("/v1/flows")
				.contentType(MediaType.APPLICATION_JSON)
				.content(SampleFlows.ANSWER)
				.header("X-Flowgate-Internal-Token", IntegrationTest.TOKEN)
				.header("X-Flowgate-Owner-Id", api.ownerId())
				.header("Idempotency-Key", "create-answer"))
			.text("id");
	}

	private void assertIntact(Owner owner) {
		ApiClient api = owner.api();
		assertThat(api.get("/v1/flows/" + owner.flowId()).json().path("version").asInt()).isEqualTo(2);
		for (String deploymentId : owner.deploymentIds()) {
			assertThat(api.get("/v1/deployments/" + deploymentId).status()).isEqualTo(200);
			assertThat(TopicReader.latestValue(DEPLOYMENTS, deploymentId)).isNotNull();
		}
		for (String executionId : owner.executionIds()) {
			assertThat(api.get("/v1/executions/" + executionId).text("status")).isEqualTo("succeeded");
		}
		JsonNode usage = api.get("/v1/deployments/" + owner.deploymentIds().get(0) + "/usage?window=24h").json();
		assertThat(usage.path("calls").asLong()).isEqualTo(2);
		// The key still answers with the flow it created.
		assertThat(createFlowIdempotently(api)).isEqualTo(owner.idempotentFlowId());
	}

	/**
	 * How many documents of the owner each collection holds, those with none left out.
	 */
	private Map<String, Long> documentsOf(String ownerId) {
		Criteria owned = new Criteria().orOperator(where("ownerId").is(ownerId), where("_id.ownerId").is(ownerId));
		Map<String, Long> counts = new TreeMap<>();
		for (String collection : this.mongo.getCollectionNames()) {
			long count = this.mongo.count(Query.query(owned), collection);
			if (count > 0) {
				counts.put(collection, count);
			}
		}
		return counts;
	}

	/** A run that starts past the late-write margin after the last write. */
	private void sumPastTheMargin() {
		Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(this.summaries::run);
	}

	private static OwnerDeleted deleted(String ownerId) {
		return new OwnerDeleted(UUID.randomUUID(), OwnerDeleted.SCHEMA_VERSION, Instant.now(), ownerId);
	}

	private record Owner(ApiClient api, String flowId, String idempotentFlowId, List<String> deploymentIds,
			List<String> executionIds) {

		String id() {
			return this.api.ownerId();
		}

	}

}
