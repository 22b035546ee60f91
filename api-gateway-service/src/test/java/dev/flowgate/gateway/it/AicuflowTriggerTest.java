package dev.flowgate.gateway.it;

import java.util.Map;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.KeyScope;
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

/**
 * aicuflow's {@code POST /node/deployment-trigger/{id}/} and its answer and error shapes.
 */
@FlowgateInfra
class AicuflowTriggerTest {

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@Test
	void answersASyncTriggerWithTheResult() {
		DeploymentStateChanged deployment = deploy(
				DeploymentStates.of(this.tenant.ownerId()).input("p", "param1", "text", true), Behaviour.ECHO);

		Http.Response response = trigger(deployment, "/", xApiKey(), "{\"input_data\":{\"param1\":\"value1\"}}");

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("status").asString()).isEqualTo("success");
		assertThat(body.get("data").get("status").asString()).isEqualTo("succeeded");
		assertThat(body.get("data").get("output_data").get("param1").asString()).isEqualTo("value1");
		assertThat(body.get("data").get("duration_seconds").asDouble()).isEqualTo(0.042);
		String executionId = body.get("data").get("execution_id").asString();
		assertThat(this.stack.runner.trigger(executionId).orElseThrow().source()).isEqualTo(TriggerSource.AICUFLOW);
	}

	@Test
	void acceptsThePathWithoutTheTrailingSlashAndAnswersAsyncDeploymentsQueued() {
		DeploymentStateChanged deployment = deploy(
				DeploymentStates.of(this.tenant.ownerId()).mode(DeploymentMode.ASYNC), Behaviour.ECHO);

		Http.Response response = trigger(deployment, "", xApiKey(), "{\"input_data\":{}}");

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().get("status").asString()).isEqualTo("success");
		assertThat(response.json().get("data").get("status").asString()).isEqualTo("queued");
		assertThat(response.header("Location"))
			.isEqualTo("/v1/executions/" + response.json().get("data").get("execution_id").asString());
	}

	@Test
	void readsABodyWithoutAContentTypeAsJsonButRefusesAnotherCharsetThanUtf8With415() {
		DeploymentStateChanged deployment = deploy(
				DeploymentStates.of(this.tenant.ownerId()).input("p", "param1", "text", true), Behaviour.ECHO);
		String url = this.stack.a.url("/node/deployment-trigger/" + deployment.deploymentId() + "/");
		String body = "{\"input_data\":{\"param1\":\"value1\"}}";

		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			Http.Response latin1 = Http.post(url,
					Map.of("X-API-Key", this.tenant.key(), "Content-Type", "application/json; charset=ISO-8859-1"),
					body);
			Http.Response untyped = Http.send("POST", url, xApiKey(), body);

			assertError(latin1, 415, "must be UTF-8");
			assertThat(untyped.status()).as(untyped.toString()).isEqualTo(200);
			JsonNode data = untyped.json().get("data");
			assertThat(data.get("output_data").get("param1").asString()).isEqualTo("value1");
			assertPublishedOnly(published, deployment, data.get("execution_id").asString());
		}
	}

	@Test
	void reportsAFailedFlowAsASuccessfulCallWithAFailedStatus() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()), Behaviour.FAIL);

		Http.Response response = trigger(deployment, "/", xApiKey(), "{}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("data").get("status").asString()).isEqualTo("failed");
		assertThat(response.json().get("data").get("error").get("message").asString()).contains("on purpose");
	}

	@Test
	void answersErrorsInAicuflowsShapeWithTheRightStatus() {
		DeploymentStateChanged deployment = deploy(
				DeploymentStates.of(this.tenant.ownerId()).input("p", "param1", "text", true), Behaviour.ECHO);
		DeploymentStateChanged oncePerMinute = deploy(DeploymentStates.of(this.tenant.ownerId()).limits(null, 1),
				Behaviour.ECHO);
		Tenant runless = this.stack.newKey(this.tenant.ownerId(), (key) -> key.scopes(KeyScope.MANAGE));
		this.stack.awaitVisible(runless);

		Http.Response keyless = trigger(deployment, "/", Map.of(), "{}");
		assertError(keyless, 401, "API key is required");
		assertThat(keyless.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertError(trigger(deployment, "/", Map.of("X-API-Key", TestKeys.newKey()), "{}"), 401, "not valid");
		assertError(trigger(deployment, "/", Map.of("X-API-Key", runless.key()), "{}"), 403, "scope");
		assertError(
				trigger(deployment, "/", Map.of("X-API-Key", this.tenant.key(), "Authorization", "Bearer other"), "{}"),
				400, "different API keys");
		assertError(Http.post(this.stack.a.url("/node/deployment-trigger/unknown/"), xApiKey(), "{}"), 404,
				"not found");
		assertError(trigger(deployment, "/", xApiKey(), "{\"input_data\":{}}"), 400, "param1: is required");
		assertError(trigger(deployment, "/", xApiKey(), "{oops"), 400, "not valid JSON");
		Http.Response notAnObject = trigger(deployment, "/", xApiKey(), "{\"input_data\":[1]}");
		assertError(notAnObject, 400, "'input_data' must be a JSON object");
		assertThat(notAnObject.json().has("errors")).isFalse();
		assertError(trigger(deployment, "/", Map.of("X-API-Key", this.tenant.key(), "Content-Type", "text/plain"), "x"),
				415, "application/json");
		assertError(trigger(deployment, "/", Map.of("X-API-Key", this.tenant.key(), "Accept", "text/html"), "{}"), 406,
				"Accept");
		assertError(trigger(deployment, "/", Map.of("X-API-Key", TestKeys.newKey(), "Accept", "text/html"), "{}"), 401,
				"not valid");
		assertError(
				trigger(deployment, "/", xApiKey(), "{\"input_data\":{\"param1\":\"" + "x".repeat(1 << 20) + "\"}}"),
				413, "larger than");
		Http.Response allowed = trigger(oncePerMinute, "/", xApiKey(), "{}");
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("RateLimit-Limit")).isEqualTo("1");
		assertThat(allowed.header("RateLimit-Remaining")).isEqualTo("0");
		Http.Response limited = trigger(oncePerMinute, "/", xApiKey(), "{}");
		assertError(limited, 429, "rate limit");
		assertThat(limited.header("Retry-After")).isNotBlank();
		assertThat(limited.header("RateLimit-Policy")).isEqualTo("1;w=60");
	}

	@Test
	void answersADeploymentOutsideTheKeysAllowListAsUnknownWith404() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()), Behaviour.ECHO);
		Tenant otherDeploymentOnly = this.stack.newKey(this.tenant.ownerId(),
				(key) -> key.deployments("some-other-deployment"));
		Tenant stranger = this.stack.newTenant((key) -> key);
		this.stack.awaitVisible(otherDeploymentOnly);
		this.stack.awaitVisible(stranger);

		Http.Response outsideAllowList = trigger(deployment, "/", Map.of("X-API-Key", otherDeploymentOnly.key()), "{}");
		Http.Response ofAnotherOwner = trigger(deployment, "/", Map.of("X-API-Key", stranger.key()), "{}");

		assertError(outsideAllowList, 404, "Deployment '" + deployment.deploymentId() + "' not found");
		assertThat(outsideAllowList.body()).isEqualTo(ofAnotherOwner.body());
	}

	private DeploymentStateChanged deploy(DeploymentStates deployment, Behaviour behaviour) {
		DeploymentStateChanged state = this.stack.deploy(deployment, behaviour);
		this.stack.awaitVisible(this.tenant, state.deploymentId());
		return state;
	}

	private Map<String, String> xApiKey() {
		return Map.of("X-API-Key", this.tenant.key());
	}

	private Http.Response trigger(DeploymentStateChanged deployment, String trailingSlash, Map<String, String> headers,
			String body) {
		return Http.post(this.stack.a.url("/node/deployment-trigger/" + deployment.deploymentId() + trailingSlash),
				headers, body);
	}

	@Test
	void answersAWrongMethodOrPathInAicuflowsShape() {
		Http.Response wrongMethod = Http.get(this.stack.a.url("/node/deployment-trigger/d-1/"), xApiKey());

		assertError(wrongMethod, 405, "GET");
		assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
		assertError(Http.post(this.stack.a.url("/node/deployment-trigger/d-1/extra/"), xApiKey(), "{}"), 404,
				"/node/deployment-trigger/d-1/extra/");
		// Refused by Tomcat itself, before any filter or controller.
		assertError(Http.rawPost(this.stack.a.url(""), "/node/deployment-trigger/%zz/", xApiKey(), "{}"), 400,
				"Bad Request");
		assertError(Http.rawPost(this.stack.a.url(""), "/node/deployment-trigger/a%2Fb/", xApiKey(), "{}"), 400,
				"Bad Request");
	}

	private static void assertError(Http.Response response, int status, String messagePart) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.json().get("status").asString()).isEqualTo("error");
		assertThat(response.json().get("message").asString()).contains(messagePart);
	}

}
