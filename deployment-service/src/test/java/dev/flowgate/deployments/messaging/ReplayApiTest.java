package dev.flowgate.deployments.messaging;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.ApiClient.Response;
import dev.flowgate.deployments.EventSender;
import dev.flowgate.deployments.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** A replay's recorded inputs against the input nodes of the version it would run on. */
@IntegrationTest
class ReplayApiTest {

	private static final String GREETING = """
			{"name":"Greeting","nodes":[
			 {"id":"name","type":"input","config":{"name":"name","inputType":"text","required":true}},
			 {"id":"greet","type":"template","config":{"template":"Hello {{input.name}}"}},
			 {"id":"out","type":"output","config":{"name":"greeting","value":"{{greet.text}}"}}],
			 "edges":[{"from":"name","to":"greet"},{"from":"greet","to":"out"}]}
			""";

	/** {@link #GREETING} with another input, {@code age}: a number, required or not. */
	private static final String GREETING_WITH_AGE = """
			{"name":"Greeting","nodes":[
			 {"id":"name","type":"input","config":{"name":"name","inputType":"text","required":true}},
			 {"id":"age","type":"input","config":{"name":"age","inputType":"number","required":%s}},
			 {"id":"greet","type":"template","config":{"template":"Hello {{input.name}} ({{input.age}})"}},
			 {"id":"out","type":"output","config":{"name":"greeting","value":"{{greet.text}}"}}],
			 "edges":[{"from":"name","to":"greet"},{"from":"age","to":"greet"},{"from":"greet","to":"out"}]}
			""";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private MongoTemplate mongo;

	private ApiClient api;

	private EventSender sender;

	private String flowId;

	private String deploymentId;

	@BeforeEach
	void deployment() {
		this.api = ApiClient.forNewOwner(this.mvc);
		this.sender = new EventSender(this.kafka);
		this.flowId = this.api.post("/v1/flows", GREETING).text("id");
		this.deploymentId = this.api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(this.flowId)).text("id");
	}

	@Test
	void answersAReplayWhoseInputsTheCurrentVersionNoLongerAcceptsWith422() {
		String original = recordedExecution(Map.of("name", "Ada"));
		redeployWithAge(true);

		Response refused = this.api.post("/v1/executions/" + original + "/replay", "");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("/problems/inputs-not-accepted");
		assertThat(refused.text("title")).isEqualTo("Inputs not accepted");
		assertThat(refused.text("detail")).isEqualTo(("Execution '%s' cannot be replayed: the deployment's current"
				+ " flow version 2 no longer accepts this execution's inputs")
			.formatted(original));
		assertThat(refused.json().path("errors").size()).isEqualTo(1);
		assertThat(refused.json().path("errors").path(0).path("field").asString()).isEqualTo("input_data.age");
		assertThat(refused.json().path("errors").path(0).path("message").asString()).isEqualTo("is required");
		assertThat(this.mongo.exists(Query.query(where("replayOf").is(original)), "executions")).isFalse();
		assertThat(this.api.get("/v1/deployments/" + this.deploymentId + "/executions").json().path("items").size())
			.isEqualTo(1);
	}

	@Test
	void queuesAReplayWhoseInputsStillFitTheCurrentVersion() {
		String original = recordedExecution(Map.of("name", "Ada"));
		redeployWithAge(false);

		Response accepted = this.api.post("/v1/executions/" + original + "/replay", "");

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.text("status")).isEqualTo("queued");
		assertThat(accepted.text("replay_of")).isEqualTo(original);
		assertThat(accepted.json().path("flow_version").asInt()).isEqualTo(2);
	}

	private void redeployWithAge(boolean required) {
		this.api.put("/v1/flows/" + this.flowId, GREETING_WITH_AGE.formatted(required));
		assertThat(this.api.patch("/v1/deployments/" + this.deploymentId, "{\"flowVersion\":2}").status())
			.isEqualTo(200);
	}

	private String recordedExecution(Map<String, Object> inputs) {
		return this.sender.recordedExecution(this.api, this.deploymentId, inputs);
	}

}
