package dev.flowgate.deployments.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.SampleFlows;
import dev.flowgate.deployments.domain.idempotency.IdempotencyKey;
import dev.flowgate.deployments.domain.idempotency.IdempotentRequests;
import dev.flowgate.deployments.domain.idempotency.RequestFingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The creating routes with an {@code Idempotency-Key}, over the real MongoDB. */
@IntegrationTest
class IdempotencyApiTest {

	private static final String REPLAYED = "Idempotent-Replayed";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private IdempotentRequests idempotency;

	private ApiClient api;

	private String deploy;

	@BeforeEach
	void ownerWithAFlow() {
		this.api = ApiClient.forNewOwner(this.mvc);
		this.deploy = "{\"flowId\":\"%s\"}".formatted(this.api.post("/v1/flows", SampleFlows.ANSWER).text("id"));
	}

	@Test
	void answersARepeatedCreateWithTheFirstDeployment() {
		MockHttpServletResponse first = post(this.api, "/v1/deployments", this.deploy, "key-1");
		MockHttpServletResponse repeat = post(this.api, "/v1/deployments", this.deploy, "key-1");

		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(first.getHeader(REPLAYED)).isNull();
		assertThat(repeat.getStatus()).isEqualTo(201);
		assertThat(repeat.getHeader(REPLAYED)).isEqualTo("true");
		assertThat(repeat.getHeader("Location")).isEqualTo(first.getHeader("Location")).isNotNull();
		assertThat(repeat.getHeader("ETag")).isEqualTo(first.getHeader("ETag")).isNotNull();
		assertThat(repeat.getContentType()).isEqualTo(first.getContentType());
		assertThat(ApiClient.json(repeat).path("id").asString()).isEqualTo(ApiClient.json(first).path("id").asString());
		assertThat(this.api.get("/v1/deployments").json().path("items").size()).isEqualTo(1);
	}

	@Test
	void refusesTheSameKeyWithAnotherBody() {
		post(this.api, "/v1/deployments", this.deploy, "key-1");

		MockHttpServletResponse other = post(this.api, "/v1/deployments", this.deploy.replace("}", ",\"name\":\"b\"}"),
				"key-1");

		assertThat(other.getStatus()).isEqualTo(422);
		assertThat(ApiClient.json(other).path("type").asString()).isEqualTo("/problems/idempotency-mismatch");
		assertThat(this.api.get("/v1/deployments").json().path("items").size()).isEqualTo(1);
	}

	@Test
	void answersARepeatWithItsMembersReorderedAsTheSameRequest() {
		String flowId = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		MockHttpServletResponse first = post(this.api, "/v1/deployments",
				"{\"flowId\":\"%s\",\"name\":\"a\"}".formatted(flowId), "key-1");

		MockHttpServletResponse repeat = post(this.api, "/v1/deployments",
				"{ \"name\": \"a\",\n  \"flowId\": \"%s\" }".formatted(flowId), "key-1");

		assertThat(repeat.getStatus()).isEqualTo(201);
		assertThat(repeat.getHeader(REPLAYED)).isEqualTo("true");
		assertThat(ApiClient.json(repeat).path("id").asString()).isEqualTo(ApiClient.json(first).path("id").asString());
		assertThat(this.api.get("/v1/deployments").json().path("items").size()).isEqualTo(1);
	}

	@Test
	void keepsAnotherOwnersSameKeyApart() {
		ApiClient other = this.api.asAnotherOwner();
		String otherDeploy = "{\"flowId\":\"%s\"}".formatted(other.post("/v1/flows", SampleFlows.ANSWER).text("id"));

		MockHttpServletResponse mine = post(this.api, "/v1/deployments", this.deploy, "shared");
		MockHttpServletResponse theirs = post(other, "/v1/deployments", otherDeploy, "shared");

		assertThat(theirs.getStatus()).isEqualTo(201);
		assertThat(theirs.getHeader(REPLAYED)).isNull();
		assertThat(ApiClient.json(theirs).path("id").asString())
			.isNotEqualTo(ApiClient.json(mine).path("id").asString());
	}

	@Test
	void runsACorrectedBodyAfterAFailedFirstAttempt() {
		MockHttpServletResponse invalid = post(this.api, "/v1/flows", "{\"name\":\"x\",\"nodes\":[],\"edges\":[]}",
				"key-1");
		MockHttpServletResponse corrected = post(this.api, "/v1/flows", SampleFlows.ANSWER, "key-1");

		assertThat(invalid.getStatus()).isEqualTo(422);
		assertThat(corrected.getStatus()).isEqualTo(201);
		assertThat(corrected.getHeader(REPLAYED)).isNull();
	}

	@Test
	void answersARepeatedNewFlowVersionWithTheFirst() {
		String flowId = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");

		MockHttpServletResponse first = put(this.api, "/v1/flows/" + flowId, SampleFlows.ANSWER_V2, "key-1");
		MockHttpServletResponse repeat = put(this.api, "/v1/flows/" + flowId, SampleFlows.ANSWER_V2, "key-1");

		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(repeat.getHeader(REPLAYED)).isEqualTo("true");
		assertThat(ApiClient.json(repeat).path("version").asInt()).isEqualTo(2);
		assertThat(this.api.get("/v1/flows/" + flowId).json().path("version").asInt()).isEqualTo(2);
	}

	@Test
	void queuesARepeatedReplayOnce() {
		String deploymentId = this.api.post("/v1/deployments", this.deploy).text("id");
		String original = new EventSender(this.kafka).recordedExecution(this.api, deploymentId,
				Map.of("question", "?"));

		MockHttpServletResponse first = post(this.api, "/v1/executions/" + original + "/replay", "", "key-1");
		MockHttpServletResponse repeat = post(this.api, "/v1/executions/" + original + "/replay", "", "key-1");

		assertThat(first.getStatus()).isEqualTo(202);
		assertThat(repeat.getStatus()).isEqualTo(202);
		assertThat(repeat.getHeader(REPLAYED)).isEqualTo("true");
		assertThat(ApiClient.json(repeat).path("id").asString()).isEqualTo(ApiClient.json(first).path("id").asString());
		assertThat(this.mongo.count(Query.query(where("replayOf").is(original)), "executions")).isEqualTo(1);
	}

	@Test
	void answersARepeatWhileTheFirstIsInProgressWith409() {
		this.idempotency.begin(new IdempotencyKey(this.api.ownerId(), "key-1"),
				RequestFingerprint.of("POST", "/v1/deployments", this.deploy.getBytes(StandardCharsets.UTF_8)));

		MockHttpServletResponse repeat = post(this.api, "/v1/deployments", this.deploy, "key-1");

		assertThat(repeat.getStatus()).isEqualTo(409);
		assertThat(repeat.getHeader("Retry-After")).isEqualTo("1");
		assertThat(ApiClient.json(repeat).path("type").asString()).isEqualTo("/problems/concurrent-change");
		assertThat(this.api.get("/v1/deployments").json().path("items").size()).isZero();
	}

	@Test
	void rejectsABlankOrTooLongKey() {
		for (String key : new String[] { " ", "k".repeat(256) }) {
			MockHttpServletResponse refused = post(this.api, "/v1/deployments", this.deploy, key);

			assertThat(refused.getStatus()).isEqualTo(400);
			assertThat(ApiClient.json(refused).path("errors").path(0).path("field").asString())
				.isEqualTo("Idempotency-Key");
		}
		assertThat(this.api.get("/v1/deployments").json().path("items").size()).isZero();
	}

	@Test
	void createsAgainWithoutAKey() {
		this.api.post("/v1/deployments", this.deploy);
		this.api.post("/v1/deployments", this.deploy);

		assertThat(this.api.get("/v1/deployments").json().path("items").size()).isEqualTo(2);
	}

	@Test
	void replaysNothingToACallerWithoutTheInternalToken() {
		post(this.api, "/v1/deployments", this.deploy, "key-1");

		MockHttpServletResponse untrusted = perform(MockMvcRequestBuilders.post("/v1/deployments")
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.deploy)
			.header("X-Flowgate-Owner-Id", this.api.ownerId())
			.header("Idempotency-Key", "key-1"));

		assertThat(untrusted.getStatus()).isEqualTo(401);
		assertThat(untrusted.getHeader(REPLAYED)).isNull();
	}

	private MockHttpServletResponse post(ApiClient client, String path, String json, String key) {
		return send(client, MockMvcRequestBuilders.post(path), json, key);
	}

	private MockHttpServletResponse put(ApiClient client, String path, String json, String key) {
		return send(client, MockMvcRequestBuilders.put(path), json, key);
	}

	private MockHttpServletResponse send(ApiClient client, MockHttpServletRequestBuilder request, String json,
			String key) {
		return perform(request.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.header("X-Flowgate-Internal-Token", IntegrationTest.TOKEN)
			.header("X-Flowgate-Owner-Id", client.ownerId())
			.header("Idempotency-Key", key));
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) {
		try {
			return this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
