package dev.flowgate.gateway.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.FakeService.Reply;
import dev.flowgate.gateway.support.GatewayApp;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.flowgate.gateway.it.TriggerRejectionsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit on management calls, on a replica started with a limit of three a minute:
 * past it an owner's calls are refused without reaching the services, while other owners,
 * the admin routes and triggers go on; a key without {@code manage} has a budget of its
 * own.
 */
@FlowgateInfra
class ManagementRateLimitTest {

	private static final int LIMIT = 3;

	private static final int MAX_RETRY_AFTER_SECONDS = 60 / LIMIT;

	private static GatewayApp gateway;

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@BeforeAll
	static void startLimitedGateway() {
		gateway = TestStack.get()
			.startGateway("gw-management-limit", Map.of("flowgate.gateway.management.requests-per-minute", LIMIT));
	}

	@AfterAll
	static void stopLimitedGateway() {
		gateway.close();
	}

	@Test
	void refusesAnOwnersManagementCallsPastTheLimitWithoutForwardingThem() {
		String path = "/v1/flows/limited-" + this.tenant.keyId();
		this.stack.deploymentService.on("GET", path, (request) -> Reply.json(200, "{\"id\":\"flow\"}"));
		Tenant otherOwner = this.stack.newTenant((key) -> key);
		String otherPath = "/v1/flows/other-" + otherOwner.keyId();
		this.stack.deploymentService.on("GET", otherPath, (request) -> Reply.json(200, "{\"id\":\"flow\"}"));
		TestStack.awaitVisible(gateway, this.tenant);
		TestStack.awaitVisible(gateway, otherOwner);

		List<Http.Response> allowed = new ArrayList<>();
		for (int i = 0; i < LIMIT; i++) {
			allowed.add(Http.get(gateway.url(path), this.tenant.bearer()));
		}
		Http.Response refused = Http.get(gateway.url(path), this.tenant.bearer());
		Http.Response ofAnotherOwner = Http.get(gateway.url(otherPath), otherOwner.bearer());

		assertThat(allowed).extracting(Http.Response::status).containsOnly(200);
		assertThat(allowed).extracting((answer) -> answer.header("RateLimit-Remaining")).containsExactly("2", "1", "0");
		assertThat(allowed.get(0).header("RateLimit-Policy")).isEqualTo(LIMIT + ";w=60");
		assertProblem(refused, 429, "management API requests per minute");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, (long) MAX_RETRY_AFTER_SECONDS);
		assertThat(refused.header("RateLimit-Policy")).isEqualTo(LIMIT + ";w=60");
		assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(this.stack.deploymentService.requestsTo(path)).as("calls that reached deployment-service")
			.isEqualTo(LIMIT);
		assertThat(ofAnotherOwner.status()).isEqualTo(200);
		assertThat(ofAnotherOwner.header("RateLimit-Remaining")).isEqualTo("2");
	}

	@Test
	void letsAManageKeyRevokeARunKeyThatUsedUpItsOwnBudgetPolling() {
		Tenant runOnly = this.stack.newKey(this.tenant.ownerId(), (key) -> key.scopes(KeyScope.RUN));
		String poll = "/v1/executions/polled-" + runOnly.keyId();
		String revoke = "/v1/keys/" + runOnly.keyId();
		this.stack.keyService.on("DELETE", revoke, (request) -> {
			this.stack.states.deleteKey(runOnly.keyId());
			return new Reply(204, Map.of(), "");
		});
		TestStack.awaitVisible(gateway, this.tenant);
		TestStack.awaitVisible(gateway, runOnly);

		List<Integer> polls = new ArrayList<>();
		for (int i = 0; i <= LIMIT; i++) {
			polls.add(Http.get(gateway.url(poll), runOnly.bearer()).status());
		}
		Http.Response flooded = Http.get(gateway.url(poll), runOnly.bearer());
		Http.Response revoked = Http.send("DELETE", gateway.url(revoke), this.tenant.bearer(), null);

		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
		assertThat(revoked.header("RateLimit-Remaining")).as("the owner's budget, untouched by the polls")
			.isEqualTo(Integer.toString(LIMIT - 1));
		assertThat(polls).as("no such execution, then over the limit").containsExactly(404, 404, 404, 429);
		assertProblem(flooded, 429, "This API key's rate limit of " + LIMIT + " management API requests per minute");
		assertProblem(Http.get(gateway.url(poll), runOnly.bearer()), 401, null);
	}

	@Test
	void countsEveryKeyOfAnOwnerButNeitherAdminCallsNorTriggers() {
		DeploymentStateChanged deployment = this.stack.deploy(DeploymentStates.of(this.tenant.ownerId()),
				Behaviour.ECHO);
		Tenant secondKey = this.stack.newKey(this.tenant.ownerId(), (key) -> key);
		this.stack.keyService.on("POST", "/v1/owners", (request) -> Reply.json(201, "{\"id\":\"o-1\"}"));
		TestStack.awaitVisible(gateway, this.tenant, deployment.deploymentId());
		TestStack.awaitVisible(gateway, secondKey);

		for (int i = 0; i < LIMIT; i++) {
			Http.get(gateway.url("/v1/keys"), this.tenant.bearer());
		}
		Http.Response withSecondKey = Http.get(gateway.url("/v1/keys"), secondKey.bearer());
		List<Integer> adminCalls = new ArrayList<>();
		for (int i = 0; i <= LIMIT; i++) {
			adminCalls.add(Http
				.post(gateway.url("/v1/owners"), Map.of("X-Admin-Secret", GatewayApp.ADMIN_SECRET), "{\"name\":\"a\"}")
				.status());
		}
		Http.Response trigger = Http.post(gateway.url("/v1/deployments/" + deployment.deploymentId() + "/executions"),
				this.tenant.bearer(), Map.of("input_data", Map.of()));

		assertProblem(withSecondKey, 429, "management API");
		assertThat(adminCalls).containsOnly(201);
		assertThat(trigger.status()).as(trigger.toString()).isEqualTo(200);
		assertThat(trigger.header("RateLimit-Policy")).as("no key or deployment limit").isNull();
	}

}
