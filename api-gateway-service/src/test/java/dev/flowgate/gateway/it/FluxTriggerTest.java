package dev.flowgate.gateway.it;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.PublishedTriggers;
import dev.flowgate.gateway.support.TestKeys;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.flowgate.gateway.it.TriggerRejectionsTest.assertPublishedOnly;
import static org.assertj.core.api.Assertions.assertThat;

/** FluxPrompt's {@code POST /flux/api-v2?flowId=...} and its answer and error shapes. */
@FlowgateInfra
class FluxTriggerTest {

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@Test
	void runsTheProductionDeploymentOfAFlowWithInputsMappedByNodeId() {
		String flowId = "flow-" + this.tenant.ownerId();
		DeploymentStateChanged test = deploy(flux(flowId).environment(DeploymentEnvironment.TEST), Behaviour.FAIL);
		DeploymentStateChanged production = deploy(flux(flowId), Behaviour.ECHO);

		Http.Response response = trigger(flowId,
				Map.of("variableInputs",
						List.of(Map.of("inputId", "node-q", "inputText", "What is Kafka?"),
								Map.of("inputId", "node-n", "inputText", "3"),
								Map.of("inputId", "node-b", "inputText", "true"))));

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.get("status").asString()).isEqualTo("succeeded");
		assertThat(body.get("output").get("question").asString()).isEqualTo("What is Kafka?");
		assertThat(body.get("durationSeconds").asDouble()).isEqualTo(0.042);
		ExecutionRequested published = this.stack.runner.trigger(body.get("executionId").asString()).orElseThrow();
		assertThat(published.deploymentId()).isEqualTo(production.deploymentId()).isNotEqualTo(test.deploymentId());
		assertThat(published.source()).isEqualTo(TriggerSource.FLUXPROMPT);
		assertThat(published.inputs()).containsEntry("question", "What is Kafka?")
			.containsEntry("verbose", true)
			.hasEntrySatisfying("count",
					(count) -> assertThat(new BigDecimal(count.toString())).isEqualByComparingTo("3"));
	}

	@Test
	void acceptsADeploymentIdAsFlowId() {
		DeploymentStateChanged deployment = deploy(flux("any").environment(DeploymentEnvironment.TEST), Behaviour.ECHO);

		Http.Response response = trigger(deployment.deploymentId(),
				Map.of("variableInputs", List.of(Map.of("inputId", "node-q", "inputText", "hi"))));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("output").get("question").asString()).isEqualTo("hi");
	}

	@Test
	void readsABodyWithoutAContentTypeAsJsonButRefusesAnotherCharsetThanUtf8With415() {
		DeploymentStateChanged deployment = deploy(flux("any"), Behaviour.ECHO);
		String url = this.stack.a.url("/flux/api-v2?flowId=" + deployment.deploymentId());
		String body = "{\"variableInputs\":[{\"inputId\":\"node-q\",\"inputText\":\"hi\"}]}";

		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			Http.Response latin1 = Http.post(url,
					Map.of("api-key", this.tenant.key(), "Content-Type", "application/json; charset=ISO-8859-1"), body);
			Http.Response untyped = Http.send("POST", url, apiKey(), body);

			assertError(latin1, 415, "must be UTF-8");
			assertThat(untyped.status()).as(untyped.toString()).isEqualTo(200);
			assertThat(untyped.json().get("output").get("question").asString()).isEqualTo("hi");
			assertPublishedOnly(published, deployment, untyped.json().get("executionId").asString());
		}
	}

	@Test
	void answersErrorsInFluxPromptsShapeWithTheRightStatus() {
		DeploymentStateChanged deployment = deploy(flux("f-" + this.tenant.keyId()), Behaviour.ECHO);
		DeploymentStateChanged off = deploy(flux("off-" + this.tenant.keyId()).enabled(false), Behaviour.ECHO);
		DeploymentStateChanged testOnly = deploy(
				flux("test-" + this.tenant.keyId()).environment(DeploymentEnvironment.TEST), Behaviour.ECHO);
		String url = this.stack.a.url("/flux/api-v2?flowId=" + deployment.deploymentId());
		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			assertError(Http.post(this.stack.a.url("/flux/api-v2"), apiKey(), "{}"), 400, "flowId");
			assertError(Http.post(url, Map.of(), "{}"), 401, "API key is required");
			assertError(Http.post(url, Map.of("api-key", TestKeys.newKey()), "{}"), 401, "not valid");
			assertError(trigger("no-such-flow", Map.of()), 404, "not found");
			assertError(trigger(testOnly.flowId(), Map.of()), 404, "production deployment");
			assertError(trigger(off.flowId(), Map.of()), 403, "disabled");
			assertError(trigger(deployment.deploymentId(), Map.of("variableInputs", List.of())), 400,
					"node-q (question): is required");
			assertError(
					trigger(deployment.deploymentId(),
							Map.of("variableInputs",
									List.of(Map.of("inputId", "node-q", "inputText", "x"),
											Map.of("inputId", "node-n", "inputText", "many")))),
					400, "node-n (count): must be a number");
			assertError(
					trigger(deployment.deploymentId(),
							Map.of("variableInputs", List.of(Map.of("inputId", "ghost", "inputText", "x")))),
					400, "ghost");
			assertError(Http.post(url, Map.of("api-key", this.tenant.key(), "Content-Type", "text/plain"), "x"), 415,
					"application/json");
			assertError(Http.post(url, Map.of("api-key", this.tenant.key(), "Accept", "text/html"), "{}"), 406,
					"Accept");
			assertError(Http.post(url, Map.of("api-key", TestKeys.newKey(), "Accept", "text/html"), "{}"), 401,
					"not valid");
			// What curl sends for -d without a Content-Type: a form, not read as
			// parameters
			// (a '%' not followed by hex digits would fail their decoding).
			assertError(
					Http.post(url,
							Map.of("api-key", this.tenant.key(), "Content-Type", "application/x-www-form-urlencoded"),
							"{\"variableInputs\":[{\"inputId\":\"node-q\",\"inputText\":\"50% off\"}]}"),
					415, "application/json");
			assertError(
					Http.rawPost(this.stack.a.url(""), "/flux/api-v2?flowId=%zz",
							Map.of("api-key", this.tenant.key(), "Content-Type", "application/json"), "{}"),
					400, "query string is not valid");
			Http.Response control = trigger(deployment.deploymentId(),
					Map.of("variableInputs", List.of(Map.of("inputId", "node-q", "inputText", "x"))));
			assertThat(control.status()).as(control.toString()).isEqualTo(200);
			assertPublishedOnly(published, deployment, control.json().get("executionId").asString());
		}
	}

	@Test
	void answersAFlowOrDeploymentOutsideTheKeysAllowListAsUnknownWith404() {
		DeploymentStateChanged deployment = deploy(flux("allow-listed-" + this.tenant.keyId()), Behaviour.ECHO);
		Tenant otherDeploymentOnly = this.stack.newKey(this.tenant.ownerId(),
				(key) -> key.deployments("some-other-deployment"));
		Tenant stranger = this.stack.newTenant((key) -> key);
		this.stack.awaitVisible(otherDeploymentOnly);
		this.stack.awaitVisible(stranger);

		for (String flowId : List.of(deployment.deploymentId(), deployment.flowId())) {
			String url = this.stack.a.url("/flux/api-v2?flowId=" + flowId);
			Http.Response outsideAllowList = Http.post(url, Map.of("api-key", otherDeploymentOnly.key()), "{}");
			Http.Response ofAnotherOwner = Http.post(url, Map.of("api-key", stranger.key()), "{}");

			assertError(outsideAllowList, 404, "Flow or deployment '" + flowId + "' not found");
			assertThat(outsideAllowList.body()).isEqualTo(ofAnotherOwner.body());
		}
	}

	@Test
	void answersAWrongMethodOrPathInFluxPromptsShape() {
		Http.Response wrongMethod = Http.get(this.stack.a.url("/flux/api-v2?flowId=f"), apiKey());

		assertError(wrongMethod, 405, "GET");
		assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
		assertError(Http.post(this.stack.a.url("/flux/api-v3"), apiKey(), "{}"), 404, "/flux/api-v3");
		// Refused by Tomcat itself, before any filter or controller.
		assertError(Http.rawPost(this.stack.a.url(""), "/flux/%zz", apiKey(), "{}"), 400, "Bad Request");
	}

	private DeploymentStates flux(String flowId) {
		return DeploymentStates.of(this.tenant.ownerId())
			.flowId(flowId)
			.input("node-q", "question", "text", true)
			.input("node-n", "count", "number", false)
			.input("node-b", "verbose", "boolean", false);
	}

	private DeploymentStateChanged deploy(DeploymentStates deployment, Behaviour behaviour) {
		DeploymentStateChanged state = this.stack.deploy(deployment, behaviour);
		this.stack.awaitVisible(this.tenant, state.deploymentId());
		return state;
	}

	private Map<String, String> apiKey() {
		return Map.of("api-key", this.tenant.key());
	}

	private Http.Response trigger(String flowId, Map<String, Object> body) {
		return Http.post(this.stack.a.url("/flux/api-v2?flowId=" + flowId), apiKey(), body);
	}

	private static void assertError(Http.Response response, int status, String messagePart) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.json().get("success").asBoolean()).isFalse();
		assertThat(response.json().get("error").asString()).contains(messagePart);
	}

}
