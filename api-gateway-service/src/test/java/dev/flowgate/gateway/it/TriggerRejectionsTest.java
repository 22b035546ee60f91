package dev.flowgate.gateway.it;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.GatewayApp;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.KeyStates;
import dev.flowgate.gateway.support.PublishedTriggers;
import dev.flowgate.gateway.support.TestKeys;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every refusal of the native trigger is a problem+json with the right status. */
@FlowgateInfra
class TriggerRejectionsTest {

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@Test
	void refusesMissingMalformedAndUnknownKeysWith401() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()));

		Http.Response missing = trigger(deployment, Map.of(), "{}");
		Http.Response malformed = trigger(deployment, Map.of("X-API-Key", "sk-not-a-key"), "{}");
		Http.Response unknown = trigger(deployment, Map.of("api-key", TestKeys.newKey()), "{}");

		assertProblem(missing, 401, "API key is required");
		assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertProblem(malformed, 401, "malformed");
		assertProblem(unknown, 401, "not valid");
	}

	@Test
	void refusesTwoDifferentKeysInOneCallWith400AndAcceptsTheSameKeyTwice() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()));
		String key = this.tenant.key();

		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			Http.Response conflicting = trigger(deployment,
					Map.of("Authorization", "Bearer " + key, "X-API-Key", TestKeys.newKey()), "{}");
			Http.Response repeated = trigger(deployment, Map.of("Authorization", "Bearer " + key, "X-API-Key", key),
					"{}");

			assertProblem(conflicting, 400, "different API keys");
			assertThat(repeated.status()).isEqualTo(200);
			assertPublishedOnly(published, deployment, repeated.json().get("id").asString());
		}
	}

	@Test
	void refusesAKeyWithoutTheRunScopeWith403() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()));
		Tenant manageOnly = sameOwnerKey((key) -> key.scopes(KeyScope.MANAGE));

		assertProblem(trigger(deployment, manageOnly.bearer(), "{}"), 403, "'run' scope");
	}

	@Test
	void answersADeploymentOutsideTheKeysAllowListAsUnknownWith404() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()));
		Tenant otherDeploymentOnly = sameOwnerKey((key) -> key.deployments("some-other-deployment"));
		Tenant stranger = this.stack.newTenant((key) -> key);
		this.stack.awaitVisible(stranger);

		Http.Response outsideAllowList = trigger(deployment, otherDeploymentOnly.bearer(), "{}");
		Http.Response ofAnotherOwner = trigger(deployment, stranger.bearer(), "{}");

		assertProblem(outsideAllowList, 404, "Deployment '" + deployment.deploymentId() + "' not found");
		assertThat(outsideAllowList.body()).isEqualTo(ofAnotherOwner.body());
	}

	@Test
	void answersUnknownAndForeignDeploymentsWith404() {
		Tenant stranger = this.stack.newTenant((key) -> key);
		DeploymentStateChanged foreign = this.stack.deploy(DeploymentStates.of(stranger.ownerId()), Behaviour.ECHO);
		this.stack.awaitVisible(stranger, foreign.deploymentId());
		this.stack.awaitVisible(this.tenant);

		assertProblem(Http.post(this.stack.a.url("/v1/deployments/nope/executions"), this.tenant.bearer(), "{}"), 404,
				"not found");
		assertProblem(trigger(foreign, this.tenant.bearer(), "{}"), 404, "not found");
	}

	@Test
	void answersATriggerPathWithParametersAsUnknownOnEveryApi() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()));
		String id = deployment.deploymentId();
		Map<String, String> key = Map.of("X-API-Key", this.tenant.key(), "api-key", this.tenant.key());

		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			Http.Response nativeCall = Http.post(this.stack.a.url("/v1/deployments/" + id + ";x=1/executions"), key,
					"{}");
			Http.Response aicuflow = Http.post(this.stack.a.url("/node/deployment-trigger/" + id + ";x=1/"), key,
					"{\"input_data\":{}}");
			Http.Response flux = Http.post(this.stack.a.url("/flux/api-v2;x=1?flowId=" + id), key, "{}");

			assertProblem(nativeCall, 404, "No resource at POST /v1/deployments/" + id + ";x=1/executions");
			assertThat(aicuflow.status()).as(aicuflow.toString()).isEqualTo(404);
			assertThat(aicuflow.json().get("status").asString()).isEqualTo("error");
			assertThat(aicuflow.json().get("message").asString()).contains(id + ";x=1");
			assertThat(flux.status()).as(flux.toString()).isEqualTo(404);
			assertThat(flux.json().get("success").asBoolean()).isFalse();
			assertThat(flux.json().get("error").asString()).contains("/flux/api-v2;x=1");
			assertPublishedOnlyTheControlCall(published, deployment);
		}
	}

	@Test
	void refusesADisabledDeploymentWith403() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()).enabled(false));

		Http.Response refused = trigger(deployment, this.tenant.bearer(), "{}");

		assertProblem(refused, 403, "disabled");
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/deployment-disabled");
	}

	@Test
	void namesEveryBadInputIn400() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId())
			.input("q", "question", "text", true)
			.input("n", "count", "number", false)
			.input("f", "document", "file_url", false));

		Http.Response response = trigger(deployment, this.tenant.bearer(),
				"{\"input_data\":{\"count\":\"three\",\"document\":\"file:///etc/passwd\"}}");

		assertProblem(response, 400,
				"The request has 3 invalid fields: input_data.question, input_data.count, input_data.document");
		assertThat(invalidFields(response)).containsExactly("input_data.question: is required",
				"input_data.count: must be a number", "input_data.document: must be an http(s) URL");
		assertThat(response.json().get("errors").get(0).has("input")).isFalse();
	}

	@Test
	void refusesAnInputNestedDeeperThanAHundredLevelsWhichServicesCouldNotWalk() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()));
		// As deep as the JSON parser takes: each service must come through it.
		String deep = "[".repeat(497) + "1" + "]".repeat(497);

		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			Http.Response response = trigger(deployment, this.tenant.bearer(), "{\"input_data\":{\"x\":" + deep + "}}");

			assertProblem(response, 400, "input_data.x nests objects and arrays deeper than 100 levels");
			assertPublishedOnlyTheControlCall(published, deployment);
		}
	}

	@Test
	void refusesMalformedBodiesWith400And415And413() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()));
		String url = this.stack.a.url(path(deployment));

		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			assertInvalid(trigger(deployment, this.tenant.bearer(), "{\"input_data\":"), "",
					"The request body is not valid JSON");
			assertInvalid(trigger(deployment, this.tenant.bearer(), "{\"input_data\":[1]}"), "input_data",
					"must be a JSON object");
			assertInvalid(trigger(deployment, this.tenant.bearer(), "{\"inputs\":{\"text\":\"a\"}}"), "inputs",
					"is not a known member (known: callback_url, input_data)");
			assertInvalid(trigger(deployment, this.tenant.bearer(), "[]"), "",
					"The request body must be a JSON object");
			assertInvalid(trigger(deployment, this.tenant.bearer(), "{\"input_data\":{\"text\":\"a\",\"text\":\"b\"}}"),
					"", "The request body is not valid JSON: Duplicate Object property \"text\"");
			assertInvalid(trigger(deployment, this.tenant.bearer(), "{\"callback_url\":\"ftp://x\"}"), "callback_url",
					"must be an http(s) URL");
			assertInvalid(trigger(deployment, this.tenant.bearer(), "{\"callback_url\":\"https://u:p@example.com/\"}"),
					"callback_url", "must not carry credentials");
			assertInvalid(trigger(deployment, this.tenant.bearer(), "{\"callback_url\":\"https://example.com/\"}"),
					"callback_url",
					"is not taken per call by this deployment (its delivery.allowCallbackOverride is off)");
			assertProblem(
					Http.post(url, Map.of("Authorization", "Bearer " + this.tenant.key(), "Content-Type", "text/plain"),
							"input_data=1"),
					415, "application/json");
			String large = "{\"input_data\":{\"text\":\"" + "x".repeat(1024 * 1024) + "\"}}";
			assertProblem(trigger(deployment, this.tenant.bearer(), large), 413, "larger than");
			// Far more than Tomcat reads of a body left unread by default (2 MB): the
			// caller,
			// still sending, gets the answer all the same.
			String huge = "{\"input_data\":{\"text\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}}";
			assertProblem(trigger(deployment, this.tenant.bearer(), huge), 413, "larger than");
			assertPublishedOnlyTheControlCall(published, deployment);
		}
	}

	@Test
	void readsABodyWithoutAContentTypeAsJsonButRefusesAnotherCharsetThanUtf8With415() {
		DeploymentStateChanged deployment = deploy(
				DeploymentStates.of(this.tenant.ownerId()).input("q", "question", "text", true));
		String url = this.stack.a.url(path(deployment));
		String body = "{\"input_data\":{\"question\":\"hi\"}}";

		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			Http.Response latin1 = Http.post(url, Map.of("Authorization", "Bearer " + this.tenant.key(), "Content-Type",
					"application/json; charset=ISO-8859-1"), body);
			// What Python's requests.post(url, data=json.dumps(...)) sends: no
			// Content-Type.
			Http.Response untyped = Http.send("POST", url, this.tenant.bearer(), body);

			assertProblem(latin1, 415, "must be UTF-8");
			assertThat(untyped.status()).as(untyped.toString()).isEqualTo(200);
			assertThat(untyped.json().get("output_data").get("question").asString()).isEqualTo("hi");
			assertPublishedOnly(published, deployment, untyped.json().get("id").asString());
		}
	}

	@Test
	void acceptsABodyJustUnderTheLimit() {
		DeploymentStateChanged deployment = deploy(
				DeploymentStates.of(this.tenant.ownerId()).mode(DeploymentMode.ASYNC));
		String envelope = "{\"input_data\":{\"text\":\"\"}}";
		String justUnder = envelope.replace("\"\"}", "\"" + "x".repeat(1024 * 1024 - envelope.length()) + "\"}");

		Http.Response accepted = trigger(deployment, this.tenant.bearer(), justUnder);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		await().untilAsserted(() -> assertThat(this.stack.runner.received(deployment.deploymentId())).hasSize(1));
	}

	@Test
	void refusesATriggerLargerThanKafkaTakesWith413() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()));
		String body = "{\"input_data\":{\"text\":\"" + "x".repeat(20_000) + "\"}}";

		try (GatewayApp smallRecords = this.stack.startGateway("gw-small-records",
				Map.of("spring.kafka.producer.properties.max.request.size", "10000"))) {
			Http.Response refused = Http.post(smallRecords.url(path(deployment)), this.tenant.bearer(), body);

			assertProblem(refused, 413, "larger than Kafka takes");
			assertThat(refused.header("Retry-After")).isNull();
		}
	}

	@Test
	void refusesAnAnswerTheCallerCannotAcceptBeforeRunningAnything() {
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId()));

		try (PublishedTriggers published = PublishedTriggers.fromNow(this.stack)) {
			Http.Response refused = trigger(deployment,
					Map.of("Authorization", "Bearer " + this.tenant.key(), "Accept", "text/html"), "{}");
			Http.Response ruledOut = trigger(deployment,
					Map.of("Authorization", "Bearer " + this.tenant.key(), "Accept", "text/html, application/json;q=0"),
					"{}");
			Http.Response ruledOutBeyondAWildcard = trigger(deployment,
					Map.of("Authorization", "Bearer " + this.tenant.key(), "Accept", "*/*, application/json;q=0"),
					"{}");
			Http.Response anyJsonLike = trigger(deployment,
					Map.of("Authorization", "Bearer " + this.tenant.key(), "Accept", "application/*, */*;q=0"), "{}");

			assertThat(refused.status()).isEqualTo(406);
			assertThat(ruledOut.status()).isEqualTo(406);
			assertThat(ruledOutBeyondAWildcard.status()).isEqualTo(406);
			assertThat(anyJsonLike.status()).isEqualTo(200);
			assertPublishedOnly(published, deployment, anyJsonLike.json().get("id").asString());
		}
	}

	@Test
	void limitsTheKeysRequestsPerMinuteWith429AndRetryAfter() {
		Tenant limited = sameOwnerKey((key) -> key.rateLimitPerMinute(2));
		DeploymentStateChanged deployment = deploy(
				DeploymentStates.of(this.tenant.ownerId()).mode(DeploymentMode.ASYNC));
		this.stack.awaitVisible(limited, deployment.deploymentId());

		Http.Response first = trigger(deployment, limited.bearer(), "{}");
		Http.Response second = trigger(deployment, limited.bearer(), "{}");
		Http.Response third = trigger(deployment, limited.bearer(), "{}");

		assertThat(first.status()).isEqualTo(202);
		assertThat(first.header("RateLimit-Policy")).isEqualTo("2;w=60");
		assertThat(first.header("RateLimit-Remaining")).isEqualTo("1");
		assertThat(second.status()).isEqualTo(202);
		assertThat(second.header("RateLimit-Remaining")).isEqualTo("0");
		assertProblem(third, 429, "rate limit");
		assertThat(Integer.parseInt(third.header("Retry-After"))).isBetween(1, 30);
		assertThat(third.header("RateLimit-Limit")).isEqualTo("2");
		assertThat(third.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(Integer.parseInt(third.header("RateLimit-Reset"))).isBetween(31, 60);
	}

	@Test
	void reportsWhatIsLeftOfTheLimitsACallWasTakenFromWhenRefusingItForAnotherReason() {
		Tenant limited = sameOwnerKey((key) -> key.rateLimitPerMinute(5));
		DeploymentStateChanged deployment = deploy(DeploymentStates.of(this.tenant.ownerId())
			.mode(DeploymentMode.ASYNC)
			.limits(null, 20)
			.input("question", "question", "text", true));
		this.stack.awaitVisible(limited, deployment.deploymentId());

		Http.Response badInputs = trigger(deployment, limited.bearer(), "{\"input_data\": {}}");
		Http.Response unknown = Http.post(this.stack.a.url("/v1/deployments/no-such-deployment/executions"),
				limited.bearer(), "{}");
		Http.Response asAicuflow = Http.post(
				this.stack.a.url("/node/deployment-trigger/" + deployment.deploymentId() + "/"),
				Map.of("X-API-Key", limited.key()), "{\"input_data\": []}");
		Http.Response unlimited = trigger(deployment, this.tenant.bearer(), "[]");

		assertProblem(badInputs, 400, "question");
		assertThat(badInputs.header("RateLimit-Policy")).isEqualTo("5;w=60, 20;w=60");
		assertThat(badInputs.header("RateLimit-Remaining")).isEqualTo("4");
		assertProblem(unknown, 404, "no-such-deployment");
		assertThat(unknown.header("RateLimit-Policy")).isEqualTo("5;w=60");
		assertThat(unknown.header("RateLimit-Remaining")).isEqualTo("3");
		assertThat(asAicuflow.status()).isEqualTo(400);
		assertThat(asAicuflow.header("RateLimit-Remaining")).isEqualTo("2");
		assertThat(unlimited.status()).isEqualTo(400);
		// Checked for its inputs, the first call counted for the deployment too; the
		// others were refused before that.
		assertThat(unlimited.header("RateLimit-Policy")).as("the deployment's limit alone").isEqualTo("20;w=60");
		assertThat(unlimited.header("RateLimit-Remaining")).isEqualTo("19");
	}

	@Test
	void limitsTheDeploymentsRequestsPerMinuteAndConcurrencyWith429() {
		DeploymentStateChanged perMinute = deploy(
				DeploymentStates.of(this.tenant.ownerId()).mode(DeploymentMode.ASYNC).limits(null, 1));
		DeploymentStateChanged concurrent = deploy(
				DeploymentStates.of(this.tenant.ownerId()).mode(DeploymentMode.ASYNC).limits(1, null), Behaviour.NEVER);

		Http.Response accepted = trigger(perMinute, this.tenant.bearer(), "{}");
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.header("RateLimit-Policy")).isEqualTo("1;w=60");
		assertThat(accepted.header("RateLimit-Remaining")).isEqualTo("0");
		assertProblem(trigger(perMinute, this.tenant.bearer(), "{}"), 429, "rate limit");
		assertThat(trigger(concurrent, this.tenant.bearer(), "{}").status()).isEqualTo(202);
		Http.Response second = trigger(concurrent, this.tenant.bearer(), "{}");
		assertProblem(second, 429, "concurrent");
		assertThat(second.header("Retry-After")).isEqualTo("1");
	}

	@Test
	void answersUnknownRoutesAndWrongMethodsWithProblems() {
		assertProblem(Http.get(this.stack.a.url("/nothing/here"), Map.of()), 404, null);
		assertProblem(Http.get(this.stack.a.url("/v1/nothing"), this.tenant.bearer()), 404, "No resource");
		assertProblem(Http.send("DELETE", this.stack.a.url("/actuator/health"), Map.of(), null), 405, null);
		// Refused by Tomcat itself, before Spring MVC.
		assertProblem(Http.get(this.stack.a.url("/v1/a%00b"), Map.of()), 400, null);
	}

	/**
	 * Sends a valid call, then checks that it alone was published since {@code published}
	 * was opened: what the refused calls before it published would be there too.
	 */
	private void assertPublishedOnlyTheControlCall(PublishedTriggers published, DeploymentStateChanged deployment) {
		Http.Response control = trigger(deployment, this.tenant.bearer(), "{}");

		assertThat(control.status()).as(control.toString()).isEqualTo(200);
		assertPublishedOnly(published, deployment, control.json().get("id").asString());
	}

	/**
	 * Of the calls since {@code published} was opened, the one accepted as
	 * {@code executionId} alone published a trigger for the deployment.
	 */
	static void assertPublishedOnly(PublishedTriggers published, DeploymentStateChanged deployment,
			String executionId) {
		assertThat(published.executionIds(deployment.deploymentId())).as("triggers published")
			.containsExactly(executionId);
	}

	private DeploymentStateChanged deploy(DeploymentStates deployment) {
		return deploy(deployment, Behaviour.ECHO);
	}

	private DeploymentStateChanged deploy(DeploymentStates deployment, Behaviour behaviour) {
		DeploymentStateChanged state = this.stack.deploy(deployment, behaviour);
		this.stack.awaitVisible(this.tenant, state.deploymentId());
		return state;
	}

	private Tenant sameOwnerKey(UnaryOperator<KeyStates> key) {
		Tenant other = this.stack.newKey(this.tenant.ownerId(), key);
		this.stack.awaitVisible(other);
		return other;
	}

	private Http.Response trigger(DeploymentStateChanged deployment, Map<String, String> headers, String body) {
		return Http.post(this.stack.a.url(path(deployment)), headers, body);
	}

	private static String path(DeploymentStateChanged deployment) {
		return "/v1/deployments/" + deployment.deploymentId() + "/executions";
	}

	/**
	 * A 400 whose one entry in {@code errors} names {@code field} with a message starting
	 * {@code message}, and whose detail is the two as a sentence.
	 */
	private static void assertInvalid(Http.Response response, String field, String message) {
		assertProblem(response, 400, field.isEmpty() ? message : field + " " + message);
		assertThat(invalidFields(response)).singleElement().asString().startsWith(field + ": " + message);
		assertThat(response.json().has("field")).isFalse();
	}

	/** Each entry of a problem's {@code errors} as "field: message". */
	private static List<String> invalidFields(Http.Response response) {
		JsonNode errors = response.json().get("errors");
		assertThat(errors).as(response.toString()).isNotNull();
		return errors.valueStream()
			.map((error) -> error.path("field").asString() + ": " + error.path("message").asString())
			.toList();
	}

	static void assertProblem(Http.Response response, int status, String detailPart) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		if (detailPart != null) {
			assertThat(problem.get("detail").asString()).contains(detailPart);
		}
	}

}
