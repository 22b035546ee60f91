package dev.flowgate.gateway.it;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.GatewayApp;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Large trigger bodies held at once are bounded: past the budget a trigger is refused
 * with 503 until one in flight is answered, so that many large calls cannot run the
 * gateway out of memory for every owner.
 */
@FlowgateInfra
class TriggerBodyBudgetTest {

	/** Two bodies of {@link #LARGE} characters fit, a third does not. */
	private static final String BUDGET = "100KB";

	private static final int LARGE = 40_000;

	private final TestStack stack = TestStack.get();

	@Test
	void refusesALargeTriggerWith503WhileOthersFillTheBudgetAndTakesItOnceOneIsAnswered() throws Exception {
		try (GatewayApp gateway = this.stack.startGateway("gw-body-budget",
				Map.of("flowgate.gateway.trigger-bodies-in-flight", BUDGET))) {
			Tenant tenant = this.stack.newTenant((key) -> key);
			DeploymentStateChanged waiting = this.stack
				.deploy(DeploymentStates.of(tenant.ownerId()).syncTimeoutSeconds(3), Behaviour.NEVER);
			DeploymentStateChanged echo = this.stack.deploy(DeploymentStates.of(tenant.ownerId()), Behaviour.ECHO);
			TestStack.awaitVisible(gateway, tenant, waiting.deploymentId(), echo.deploymentId());
			String large = "{\"input_data\":{\"text\":\"" + "x".repeat(LARGE) + "\"}}";

			CompletableFuture<Http.Response> first = CompletableFuture
				.supplyAsync(() -> Http.post(path(gateway, waiting), tenant.bearer(), large));
			CompletableFuture<Http.Response> second = CompletableFuture
				.supplyAsync(() -> Http.post(path(gateway, waiting), tenant.bearer(), large));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.stack.runner.received(waiting.deploymentId()).size() == 2);

			Http.Response refused = Http.post(path(gateway, echo), tenant.bearer(), large);
			Http.Response small = Http.post(path(gateway, echo), tenant.bearer(), "{\"input_data\":{\"text\":\"hi\"}}");

			assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
			assertThat(refused.header("Retry-After")).isEqualTo("1");
			assertThat(refused.json().get("detail").asString()).contains("large trigger bodies");
			assertThat(small.status()).as("a small body still fits").isEqualTo(200);
			assertThat(first.get().status()).as("answered at its sync timeout").isEqualTo(202);
			assertThat(second.get().status()).isEqualTo(202);
			assertThat(Http.post(path(gateway, echo), tenant.bearer(), large).status()).as("the budget given back")
				.isEqualTo(200);
		}
	}

	private static String path(GatewayApp gateway, DeploymentStateChanged deployment) {
		return gateway.url("/v1/deployments/" + deployment.deploymentId() + "/executions");
	}

}
