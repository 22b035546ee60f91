package dev.flowgate.gateway.it;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.support.FakeService.Received;
import dev.flowgate.gateway.support.FakeService.Reply;
import dev.flowgate.gateway.support.GatewayApp;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.flowgate.gateway.it.TriggerRejectionsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management API: routed to the owning service with the internal headers, answered
 * unchanged.
 */
@FlowgateInfra
@ExtendWith(OutputCaptureExtension.class)
class ManagementProxyTest {

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@Test
	void forwardsWithTheInternalHeadersAndPassesTheAnswerThrough() {
		String flowId = "flow-" + this.tenant.keyId();
		this.stack.deploymentService.on("POST", "/v1/flows",
				(request) -> new Reply(201,
						Map.of("Content-Type", "application/json", "Location", "/v1/flows/" + flowId, "ETag", "\"1\""),
						"{\"id\":\"" + flowId + "\"}"));
		this.stack.awaitVisible(this.tenant);

		Http.Response response = Http.post(this.stack.a.url("/v1/flows?dryRun=false"),
				Map.of("Authorization", "Bearer " + this.tenant.key(), "X-Flowgate-Owner-Id", "someone-else",
						"X-Flowgate-Admin", "true", "X-Flowgate-Key-Secret", "previous"),
				"{\"name\":\"echo\"}");

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("Location")).isEqualTo("/v1/flows/" + flowId);
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
		assertThat(response.header("Content-Type")).isEqualTo("application/json");
		assertThat(response.body()).isEqualTo("{\"id\":\"" + flowId + "\"}");
		Received forwarded = this.stack.deploymentService.lastRequestTo("/v1/flows?dryRun=false").orElseThrow();
		assertThat(forwarded.body()).isEqualTo("{\"name\":\"echo\"}");
		assertThat(forwarded.header("X-Flowgate-Internal-Token")).isEqualTo(GatewayApp.INTERNAL_TOKEN);
		assertThat(forwarded.header("X-Flowgate-Owner-Id")).isEqualTo(this.tenant.ownerId());
		assertThat(forwarded.header("X-Flowgate-Key-Id")).isEqualTo(this.tenant.keyId());
		assertThat(forwarded.header("X-Flowgate-Admin")).isNull();
		assertThat(forwarded.header("X-Flowgate-Key-Secret")).as("called with the key's current secret").isNull();
		assertThat(forwarded.header("Authorization")).isNull();
	}

	@Test
	void forwardsABodyWithoutAContentTypeAsJsonButRefusesAnotherCharsetThanUtf8With415() {
		String untypedPath = "/v1/flows?untyped=" + this.tenant.keyId();
		String latin1Path = "/v1/flows?latin1=" + this.tenant.keyId();
		this.stack.deploymentService.on("POST", untypedPath, (request) -> Reply.json(201, "{\"id\":\"f\"}"));
		this.stack.awaitVisible(this.tenant);

		// What Python's requests.post(url, data=json.dumps(...)) sends: no Content-Type.
		Http.Response untyped = Http.send("POST", this.stack.a.url(untypedPath), this.tenant.bearer(),
				"{\"name\":\"echo\"}");
		Http.Response latin1 = Http.post(this.stack.a.url(latin1Path), Map.of("Authorization",
				"Bearer " + this.tenant.key(), "Content-Type", "application/json; charset=ISO-8859-1"),
				"{\"name\":\"echo\"}");

		assertThat(untyped.status()).as(untyped.toString()).isEqualTo(201);
		Received forwarded = this.stack.deploymentService.lastRequestTo(untypedPath).orElseThrow();
		assertThat(forwarded.header("Content-Type")).isEqualTo("application/json");
		assertThat(forwarded.body()).isEqualTo("{\"name\":\"echo\"}");
		assertProblem(latin1, 415, "must be UTF-8");
		assertThat(this.stack.deploymentService.lastRequestTo(latin1Path)).as("forwarded").isEmpty();
	}

	@Test
	void forwardsAFormBodyAsSentForTheServiceToJudge() {
		String path = "/v1/deployments/form-" + this.tenant.keyId();
		this.stack.deploymentService.on("PATCH", path, (request) -> Reply.json(415, "{\"status\":415}"));
		this.stack.awaitVisible(this.tenant);

		Http.Response response = Http.send("PATCH", this.stack.a.url(path), Map.of("Authorization",
				"Bearer " + this.tenant.key(), "Content-Type", "application/x-www-form-urlencoded"), "enabled=false");

		assertThat(response.status()).isEqualTo(415);
		// Not parsed (and so emptied) by the gateway: it takes no forms, of any size.
		assertThat(this.stack.deploymentService.lastRequestTo(path).orElseThrow().body()).isEqualTo("enabled=false");
	}

	@Test
	void passesProblemsOfTheServiceThroughUnchanged() {
		String keyId = "missing-" + this.tenant.keyId();
		this.stack.awaitVisible(this.tenant);

		Http.Response response = Http.send("DELETE", this.stack.a.url("/v1/keys/" + keyId), this.tenant.bearer(), null);

		assertProblem(response, 404, "Not Found");
		assertThat(this.stack.keyService.lastRequestTo("/v1/keys/" + keyId).orElseThrow().method()).isEqualTo("DELETE");
	}

	@Test
	void routesExecutionsAndDeliveriesToTheirServices() {
		String executionId = "exec-" + this.tenant.keyId();
		this.stack.deliveryService.on("GET", "/v1/executions/" + executionId + "/deliveries",
				(request) -> Reply.json(200, "[{\"channel\":\"callback\"}]"));
		Tenant runOnly = this.stack.newKey(this.tenant.ownerId(), (key) -> key.scopes(KeyScope.RUN));
		this.stack.awaitVisible(runOnly);
		this.stack.awaitVisible(this.tenant);

		Http.Response deliveries = Http.get(this.stack.b.url("/v1/executions/" + executionId + "/deliveries"),
				this.tenant.bearer());
		Http.Response execution = Http.get(this.stack.b.url("/v1/executions/" + executionId), runOnly.bearer());
		Http.Response flows = Http.get(this.stack.b.url("/v1/flows"), runOnly.bearer());

		assertThat(deliveries.status()).isEqualTo(200);
		assertThat(deliveries.json().get(0).get("channel").asString()).isEqualTo("callback");
		assertProblem(execution, 404, "no such execution");
		assertThat(this.stack.deploymentService.lastRequestTo("/v1/executions/" + executionId)
			.orElseThrow()
			.header("X-Flowgate-Key-Id")).isEqualTo(runOnly.keyId());
		assertProblem(flows, 403, "'manage' scope");
	}

	@Test
	void letsAKeyLimitedToSomeDeploymentsPollOnlyTheirExecutions() {
		String mine = execution("mine", "d-allowed");
		String other = execution("other", "d-elsewhere");
		Tenant limited = this.stack.newKey(this.tenant.ownerId(), (key) -> key.deployments("d-allowed"));
		this.stack.awaitVisible(limited);
		this.stack.awaitVisible(this.tenant);

		Tenant limitedAndCounted = this.stack.newKey(this.tenant.ownerId(),
				(key) -> key.deployments("d-allowed").rateLimitPerMinute(5));
		this.stack.awaitVisible(limitedAndCounted);

		Http.Response allowed = Http.get(this.stack.a.url("/v1/executions/" + mine), limited.bearer());
		Http.Response elsewhere = Http.get(this.stack.a.url("/v1/executions/" + other), limited.bearer());
		Http.Response counted = Http.get(this.stack.a.url("/v1/executions/" + other), limitedAndCounted.bearer());
		Http.Response unlimited = Http.get(this.stack.a.url("/v1/executions/" + other), this.tenant.bearer());

		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.json().get("deployment_id").asString()).isEqualTo("d-allowed");
		assertProblem(elsewhere, 404, "Execution '" + other + "' not found");
		assertThat(elsewhere.body()).doesNotContain("d-elsewhere");
		assertProblem(counted, 404, "not found");
		assertThat(counted.header("RateLimit-Remaining")).as("refused here, still taken from the key's limit")
			.isEqualTo("4");
		assertThat(unlimited.status()).isEqualTo(200);
	}

	@Test
	void letsAKeyLimitedToSomeDeploymentsCancelOnlyTheirExecutions() {
		String mine = execution("mine", "d-allowed");
		String other = execution("other", "d-elsewhere");
		this.stack.deploymentService.on("POST", "/v1/executions/",
				(request) -> Reply.json(202, "{\"status\":\"running\"}"));
		Tenant limited = this.stack.newKey(this.tenant.ownerId(),
				(key) -> key.scopes(KeyScope.RUN).deployments("d-allowed"));
		this.stack.awaitVisible(limited);

		Http.Response allowed = Http.post(this.stack.a.url("/v1/executions/" + mine + "/cancel"), limited.bearer(), "");
		Http.Response elsewhere = Http.post(this.stack.a.url("/v1/executions/" + other + "/cancel"), limited.bearer(),
				"");

		assertThat(allowed.status()).isEqualTo(202);
		assertThat(this.stack.deploymentService.lastRequestTo("/v1/executions/" + mine + "/cancel")
			.orElseThrow()
			.header("X-Flowgate-Key-Id")).isEqualTo(limited.keyId());
		assertProblem(elsewhere, 404, "Execution '" + other + "' not found");
		assertThat(this.stack.deploymentService.lastRequestTo("/v1/executions/" + other + "/cancel")).isEmpty();
	}

	@Test
	void refusesACancelByAKeyLimitedToSomeDeploymentsWhenItsExecutionCannotBeLookedUp() {
		String unknowable = "unknowable-" + this.tenant.keyId();
		this.stack.deploymentService.on("GET", "/v1/executions/" + unknowable,
				(request) -> Reply.problem(503, "MongoDB is not reachable"));
		this.stack.deploymentService.on("POST", "/v1/executions/",
				(request) -> Reply.json(202, "{\"status\":\"running\"}"));
		Tenant limited = this.stack.newKey(this.tenant.ownerId(),
				(key) -> key.scopes(KeyScope.RUN).deployments("d-allowed"));
		this.stack.awaitVisible(limited);

		Http.Response cancel = Http.post(this.stack.a.url("/v1/executions/" + unknowable + "/cancel"), limited.bearer(),
				"");

		assertProblem(cancel, 503, "MongoDB is not reachable");
		assertThat(this.stack.deploymentService.lastRequestTo("/v1/executions/" + unknowable + "/cancel")).isEmpty();
	}

	@Test
	void countsManagementCallsAgainstTheKeysRateLimitAndSaysWhatIsLeft() {
		String mine = execution("limited", "d-allowed");
		Tenant limited = this.stack.newKey(this.tenant.ownerId(), (key) -> key.rateLimitPerMinute(2));
		this.stack.awaitVisible(limited);
		this.stack.awaitVisible(this.tenant);

		Http.Response first = Http.get(this.stack.a.url("/v1/executions/" + mine), limited.bearer());
		Http.Response second = Http.get(this.stack.a.url("/v1/executions/" + mine), limited.bearer());
		Http.Response third = Http.get(this.stack.a.url("/v1/executions/" + mine), limited.bearer());
		Http.Response unlimited = Http.get(this.stack.a.url("/v1/executions/" + mine), this.tenant.bearer());

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit-Policy")).as("the key's limit, then the owner's management limit")
			.isEqualTo("2;w=60, 600;w=60");
		assertThat(first.header("RateLimit-Limit")).isEqualTo("2");
		assertThat(first.header("RateLimit-Remaining")).isEqualTo("1");
		assertThat(second.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(Integer.parseInt(second.header("RateLimit-Reset"))).isBetween(31, 60);
		assertProblem(third, 429, "rate limit");
		assertThat(third.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(unlimited.status()).isEqualTo(200);
		assertThat(unlimited.header("RateLimit-Policy")).as("the owner's management limit alone").isEqualTo("600;w=60");
	}

	@Test
	void authenticatesOwnerCreationWithTheAdminSecretOnly() {
		this.stack.keyService.on("POST", "/v1/owners", (request) -> Reply.json(201, "{\"id\":\"o-1\"}"));
		this.stack.awaitVisible(this.tenant);

		Http.Response created = Http.post(this.stack.a.url("/v1/owners"),
				Map.of("X-Admin-Secret", GatewayApp.ADMIN_SECRET), "{\"name\":\"acme\"}");
		Received forwarded = this.stack.keyService.lastRequestTo("/v1/owners").orElseThrow();
		Http.Response withKey = Http.post(this.stack.a.url("/v1/owners/o-1/keys"), this.tenant.bearer(), "{}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(forwarded.header("X-Flowgate-Admin")).isEqualTo("true");
		assertThat(forwarded.header("X-Flowgate-Internal-Token")).isEqualTo(GatewayApp.INTERNAL_TOKEN);
		assertThat(forwarded.header("X-Flowgate-Owner-Id")).isNull();
		assertThat(forwarded.header("X-Admin-Secret")).isNull();
		assertProblem(withKey, 403, "X-Admin-Secret");
	}

	@Test
	void refusesAWrongAdminSecretExactlyAsAMissingOne() {
		long forwardedBefore = this.stack.keyService.requestsTo("/v1/owners");

		Http.Response wrong = Http.post(this.stack.a.url("/v1/owners"), Map.of("X-Admin-Secret", "guess"), "{}");
		Http.Response missing = Http.post(this.stack.a.url("/v1/owners"), Map.of(), "{}");

		assertProblem(wrong, 403, "X-Admin-Secret");
		assertThat(wrong.header("WWW-Authenticate")).as("no scheme the route takes").isNull();
		assertThat(wrong.json()).isEqualTo(missing.json());
		assertThat(missing.status()).isEqualTo(403);
		assertThat(missing.header("WWW-Authenticate")).isNull();
		assertThat(this.stack.keyService.requestsTo("/v1/owners")).as("forwarded").isEqualTo(forwardedBefore);
	}

	@Test
	void answersHeadAsGetWithItsRouteAndScopes() {
		String mine = execution("head", "d-allowed");
		String other = execution("head-other", "d-elsewhere");
		String usage = "/v1/usage?head=" + this.tenant.keyId();
		this.stack.deploymentService.on("GET", usage, (request) -> Reply.json(200, "{\"items\":[]}"));
		String deliveries = "/v1/executions/" + mine + "/deliveries";
		this.stack.deliveryService.on("GET", deliveries, (request) -> Reply.json(200, "[]"));
		Tenant runOnly = this.stack.newKey(this.tenant.ownerId(),
				(key) -> key.scopes(KeyScope.RUN).deployments("d-allowed"));
		this.stack.awaitVisible(runOnly);
		this.stack.awaitVisible(this.tenant);

		Http.Response polled = Http.send("HEAD", this.stack.a.url("/v1/executions/" + mine), runOnly.bearer(), null);
		Http.Response elsewhere = Http.send("HEAD", this.stack.a.url("/v1/executions/" + other), runOnly.bearer(),
				null);
		Http.Response usageHead = Http.send("HEAD", this.stack.a.url(usage), this.tenant.bearer(), null);
		Http.Response deliveriesHead = Http.send("HEAD", this.stack.a.url(deliveries), this.tenant.bearer(), null);

		assertThat(polled.status()).as("as a GET with a 'run' key").isEqualTo(200);
		assertThat(polled.body()).isEmpty();
		assertThat(polled.header("Content-Type")).isEqualTo("application/json");
		assertThat(elsewhere.status()).as("outside the key's deployments, as a GET").isEqualTo(404);
		assertThat(usageHead.status()).isEqualTo(200);
		assertThat(this.stack.deploymentService.lastRequestTo(usage).orElseThrow().method()).isEqualTo("GET");
		assertThat(deliveriesHead.status()).isEqualTo(200);
		assertThat(this.stack.deliveryService.lastRequestTo(deliveries).orElseThrow().method()).isEqualTo("GET");
		assertThat(this.stack.deploymentService.lastRequestTo(deliveries)).as("sent to deployment-service").isEmpty();
	}

	@Test
	void answersAKnownPathCalledWithAnotherMethodWith405AndTheMethodsItTakes() {
		this.stack.awaitVisible(this.tenant);

		Http.Response usage = Http.send("DELETE", this.stack.a.url("/v1/usage"), this.tenant.bearer(), null);
		Http.Response owners = Http.send("DELETE", this.stack.a.url("/v1/owners"), Map.of(), null);
		Http.Response unknown = Http.send("DELETE", this.stack.a.url("/v1/usage/d-1"), this.tenant.bearer(), null);

		assertProblem(usage, 405, "DELETE");
		assertThat(allowed(usage)).containsExactly("GET", "HEAD");
		assertProblem(owners, 405, "DELETE");
		assertThat(allowed(owners)).containsExactly("GET", "HEAD", "POST");
		assertProblem(unknown, 404, "No resource at DELETE /v1/usage/d-1");
		assertThat(this.stack.deploymentService.requestsTo("/v1/usage/d-1")).isZero();
	}

	@Test
	void answersOptionsWithTheMethodsThePathTakes() {
		String keys = "/v1/keys?options=" + this.tenant.keyId();
		this.stack.keyService.on("OPTIONS", keys,
				(request) -> new Reply(200, Map.of("Allow", "GET,HEAD,POST,OPTIONS"), ""));
		this.stack.awaitVisible(this.tenant);

		Http.Response usage = Http.send("OPTIONS", this.stack.a.url("/v1/usage"), this.tenant.bearer(), null);
		Http.Response owners = Http.send("OPTIONS", this.stack.a.url("/v1/owners"), Map.of(), null);
		Http.Response forwarded = Http.send("OPTIONS", this.stack.a.url(keys), this.tenant.bearer(), null);
		Http.Response unknown = Http.send("OPTIONS", this.stack.a.url("/v1/usage/d-1"), this.tenant.bearer(), null);

		assertThat(usage.status()).isEqualTo(200);
		assertThat(allowed(usage)).containsExactly("GET", "HEAD", "OPTIONS");
		assertThat(allowed(owners)).containsExactly("GET", "HEAD", "POST", "OPTIONS");
		assertThat(forwarded.status()).as("asked of key-service, which knows its routes").isEqualTo(200);
		assertThat(allowed(forwarded)).containsExactly("GET", "HEAD", "POST", "OPTIONS");
		assertThat(this.stack.keyService.lastRequestTo(keys).orElseThrow().method()).isEqualTo("OPTIONS");
		assertProblem(unknown, 404, "No resource at OPTIONS /v1/usage/d-1");
	}

	@Test
	void namesTheTriggerTheGatewayServesItselfBesideTheMethodsTheServiceTakes() {
		String executions = "/v1/deployments/d-allow/executions";
		this.stack.deploymentService.on("PUT", executions,
				(request) -> new Reply(405, Map.of("Allow", "GET,HEAD", "Content-Type", "application/problem+json"),
						"{\"status\":405,\"title\":\"Method Not Allowed\"}"));
		this.stack.deploymentService.on("OPTIONS", executions,
				(request) -> new Reply(200, Map.of("Allow", "GET,HEAD,OPTIONS"), ""));
		this.stack.awaitVisible(this.tenant);

		Http.Response put = Http.send("PUT", this.stack.a.url(executions), this.tenant.bearer(), "{}");
		Http.Response options = Http.send("OPTIONS", this.stack.a.url(executions), this.tenant.bearer(), null);

		assertThat(put.status()).isEqualTo(405);
		assertThat(allowed(put)).containsExactly("GET", "HEAD", "POST");
		assertThat(options.status()).isEqualTo(200);
		assertThat(allowed(options)).containsExactly("GET", "HEAD", "OPTIONS", "POST");
	}

	@Test
	void answers502WhenAServiceRefusesTheGatewayItself(CapturedOutput output) {
		String path = "/v1/keys/refusing-" + this.tenant.keyId();
		this.stack.keyService.on("GET", path,
				(request) -> new Reply(401,
						Map.of("Content-Type", "application/problem+json", "WWW-Authenticate", "Internal"),
						"{\"status\":401,\"detail\":\"X-Flowgate-Internal-Token is missing or wrong\"}"));
		this.stack.awaitVisible(this.tenant);

		Http.Response refused = Http.get(this.stack.a.url(path), this.tenant.bearer());

		assertProblem(refused, 502, "key-service");
		assertThat(refused.body()).doesNotContain("X-Flowgate", "Internal-Token");
		assertThat(refused.header("WWW-Authenticate")).isNull();
		assertThat(refused.header("RateLimit-Policy")).as("still counted against the owner's limit").isNotNull();
		List<String> logged = output.getOut().lines().filter((line) -> line.contains(path)).toList();
		assertThat(logged).singleElement()
			.satisfies((line) -> assertThat(line).contains("ERROR", "key-service")
				.doesNotContain(GatewayApp.INTERNAL_TOKEN, this.tenant.key()));
	}

	@Test
	void refusesPathsThatCouldEscapeTheirRoute() {
		this.stack.awaitVisible(this.tenant);

		// Past an ingress that routes /v1 only, Tomcat would have served the actuator.
		Http.Response metrics = Http.get(this.stack.a.url("/v1/..;/actuator/prometheus"), Map.of());
		assertThat(metrics.body()).doesNotContain("jvm_");
		assertProblem(metrics, 400, null);
		assertProblem(Http.post(this.stack.a.url("/v1/keys/..;/owners"), this.tenant.bearer(), "{}"), 400, null);
		assertProblem(Http.post(this.stack.a.url("/v1/keys/%2e%2e/owners"), this.tenant.bearer(), "{}"), 400, null);
	}

	@Test
	void letsAManageKeyReadAndCancelAnExecutionAsItListsThem() {
		String mine = execution("managed", "d-allowed");
		this.stack.deploymentService.on("POST", "/v1/executions/",
				(request) -> Reply.json(202, "{\"status\":\"running\"}"));
		Tenant manageOnly = this.stack.newKey(this.tenant.ownerId(), (key) -> key.scopes(KeyScope.MANAGE));
		Tenant neither = this.stack.newKey(this.tenant.ownerId(), (key) -> key.scopes());
		this.stack.awaitVisible(manageOnly);
		this.stack.awaitVisible(neither);

		assertThat(Http.get(this.stack.a.url("/v1/executions/" + mine), manageOnly.bearer()).status()).isEqualTo(200);
		assertThat(Http.post(this.stack.a.url("/v1/executions/" + mine + "/cancel"), manageOnly.bearer(), "").status())
			.isEqualTo(202);
		assertProblem(Http.get(this.stack.a.url("/v1/executions/" + mine), neither.bearer()), 403,
				"lacks the 'run' or 'manage' scope");
	}

	@Test
	void passesANoContentAnswerOnWithoutAContentType() {
		String path = "/v1/flows/gone-" + this.tenant.keyId();
		this.stack.deploymentService.on("DELETE", path, (request) -> new Reply(204, Map.of(), ""));
		this.stack.awaitVisible(this.tenant);

		Http.Response deleted = Http.send("DELETE", this.stack.a.url(path), this.tenant.bearer(), null);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.header("Content-Type")).isNull();
	}

	@Test
	void refusesManagementCallsWithoutAValidKey() {
		assertProblem(Http.get(this.stack.a.url("/v1/flows"), Map.of()), 401, "API key is required");
	}

	private static List<String> allowed(Http.Response response) {
		assertThat(response.header("Allow")).isNotNull();
		return Arrays.stream(response.header("Allow").split(",")).map(String::strip).toList();
	}

	/** An execution of the tenant's that deployment-service knows, in that deployment. */
	private String execution(String name, String deploymentId) {
		String id = name + "-" + this.tenant.keyId();
		this.stack.deploymentService.on("GET", "/v1/executions/" + id,
				(request) -> Reply.json(200, "{\"id\":\"" + id + "\",\"deployment_id\":\"" + deploymentId + "\"}"));
		return id;
	}

}
