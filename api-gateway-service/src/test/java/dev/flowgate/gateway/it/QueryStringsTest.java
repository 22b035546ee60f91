package dev.flowgate.gateway.it;

import java.util.Map;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.FakeService.Reply;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.flowgate.gateway.it.TriggerRejectionsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query string that does not decode (a broken {@code %} escape, escapes that are not
 * UTF-8) is the caller's fault: a 400 naming it, before anything is forwarded or
 * triggered, never a 500 of the gateway or of a service behind it.
 */
@FlowgateInfra
class QueryStringsTest {

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@Test
	void refusesABrokenEscapeOnAManagementPathBeforeForwarding() {
		this.stack.awaitVisible(this.tenant);
		String marker = "t=" + this.tenant.keyId();

		assertQueryRefused(get("/v1/keys?" + marker + "&x=%zz", this.tenant), "/v1/keys", "x");
		assertQueryRefused(get("/v1/keys?" + marker + "&cursor=%%%", this.tenant), "/v1/keys", "cursor");
		assertQueryRefused(get("/v1/keys?" + marker + "&%zz=1", this.tenant), "/v1/keys", "%zz");

		assertThat(this.stack.keyService.requestsTo("/v1/keys?" + marker)).as("forwarded").isZero();
	}

	@Test
	void refusesEscapesThatAreNotUtf8OnAManagementPathBeforeForwarding() {
		this.stack.awaitVisible(this.tenant);
		String marker = "t=" + this.tenant.keyId();

		assertQueryRefused(get("/v1/keys?" + marker + "&limit=%C0%AF", this.tenant), "/v1/keys", "limit");
		assertQueryRefused(get("/v1/deployments?" + marker + "&window=%E0%A4", this.tenant), "/v1/deployments",
				"window");

		assertThat(this.stack.keyService.requestsTo("/v1/keys?" + marker)).as("forwarded").isZero();
		assertThat(this.stack.deploymentService.requestsTo("/v1/deployments?" + marker)).as("forwarded").isZero();
	}

	@Test
	void refusesABadQueryOnAPollOfAnExecution() {
		Tenant runOnly = this.stack.newKey(this.tenant.ownerId(), (key) -> key.scopes(KeyScope.RUN));
		this.stack.awaitVisible(runOnly);
		String path = "/v1/executions/exec-" + runOnly.keyId();

		assertQueryRefused(get(path + "?y=%zz", runOnly), path, "y");
		assertQueryRefused(get(path + "?window=%E0%A4", runOnly), path, "window");

		assertThat(this.stack.deploymentService.requestsTo(path)).as("forwarded").isZero();
	}

	@Test
	void refusesABadQueryOnANativeTriggerWithoutTriggering() {
		DeploymentStateChanged deployment = this.stack.deploy(DeploymentStates.of(this.tenant.ownerId()),
				Behaviour.ECHO);
		this.stack.awaitVisible(this.tenant, deployment.deploymentId());
		String path = "/v1/deployments/" + deployment.deploymentId() + "/executions";

		assertQueryRefused(Http.raw("POST", this.stack.a.url(""), path + "?x=%zz", jsonBearer(this.tenant), "{}"), path,
				"x");
		assertQueryRefused(Http.raw("POST", this.stack.a.url(""), path + "?x=%E0%A4", jsonBearer(this.tenant), "{}"),
				path, "x");

		Http.Response control = Http.post(this.stack.a.url(path), this.tenant.bearer(), Map.of());
		assertThat(control.status()).as(control.toString()).isEqualTo(200);
		assertThat(this.stack.runner.received(deployment.deploymentId())).as("triggered: the control alone")
			.extracting(ExecutionRequested::executionId)
			.containsExactly(control.json().get("id").asString());
	}

	@Test
	void forwardsAWellEncodedQueryAsSent() {
		this.stack.awaitVisible(this.tenant);
		String query = "t=" + this.tenant.keyId() + "&name=%C3%A9t%C3%A9+x&cursor=a%2Bb%3D";
		this.stack.keyService.on("GET", "/v1/keys?t=" + this.tenant.keyId(), (request) -> Reply.json(200, "[]"));

		Http.Response answer = get("/v1/keys?" + query, this.tenant);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(
				this.stack.keyService.lastRequestTo("/v1/keys?t=" + this.tenant.keyId()).orElseThrow().pathAndQuery())
			.isEqualTo("/v1/keys?" + query);
	}

	@Test
	void answersFluxPromptsFlowIdThatIsNotUtf8InItsOwnShape() {
		this.stack.awaitVisible(this.tenant);

		Http.Response answer = Http.raw("POST", this.stack.a.url(""), "/flux/api-v2?flowId=%C0%AF",
				Map.of("api-key", this.tenant.key(), "Content-Type", "application/json"), "{}");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().get("success").asBoolean()).isFalse();
		assertThat(answer.json().get("error").asString()).contains("query string is not valid").contains("UTF-8");
	}

	private Http.Response get(String target, Tenant caller) {
		return Http.raw("GET", this.stack.a.url(""), target, caller.bearer(), "");
	}

	private static Map<String, String> jsonBearer(Tenant caller) {
		return Map.of("Authorization", "Bearer " + caller.key(), "Content-Type", "application/json");
	}

	/** The native 400 about what the request carries, naming the parameter at fault. */
	private static void assertQueryRefused(Http.Response answer, String path, String parameter) {
		assertProblem(answer, 400, "query string");
		JsonNode problem = answer.json();
		assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-request");
		assertThat(problem.get("instance").asString()).isEqualTo(path);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(parameter);
	}

}
