package dev.flowgate.gateway.domain.deployment;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.flowrules.InputType;
import dev.flowgate.gateway.domain.input.InputSpec;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.support.DeploymentStates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The view holds every deployment of every owner: what it keeps of one must not grow with
 * its flow definition, which the gateway needs only to parse the inputs from.
 */
class DeploymentViewMemoryTest {

	private static final int DEPLOYMENTS = 20;

	private static final int FLOW_CHARS = 256 * 1024;

	private final DeploymentView view = new DeploymentView();

	private final Caller owner = new Caller("key-1", "owner-1", Set.of(KeyScope.RUN), Set.of(), null);

	@Test
	void keepsNoFlowDefinitionOfTheDeploymentsItHolds() {
		List<WeakReference<FlowDefinition>> flows = new ArrayList<>();
		for (int i = 0; i < DEPLOYMENTS; i++) {
			flows.add(applyLargeFlow("flow-" + i));
		}

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			System.gc();
			assertThat(flows.stream().filter((flow) -> !flow.refersTo(null)).count())
				.as("flow definitions still reachable")
				.isZero();
		});
		assertThat(this.view.size()).isEqualTo(DEPLOYMENTS);
	}

	@Test
	void stillValidatesInputsAndResolvesFlowIdsWithoutTheFlow() {
		applyLargeFlow("flow-7");

		Deployment deployment = this.view.forFluxFlow(this.owner, "flow-7", (owned) -> {
		});

		assertThat(deployment.flowId()).isEqualTo("flow-7");
		assertThat(deployment.inputs()).containsExactly(new InputSpec("n1", "question", InputType.TEXT, true));
	}

	/** In a method of its own, so that no local variable of the test holds the state. */
	private WeakReference<FlowDefinition> applyLargeFlow(String flowId) {
		DeploymentStateChanged state = DeploymentStates.of("owner-1")
			.flowId(flowId)
			.input("n1", "question", "text", true)
			.largeNode("big", FLOW_CHARS)
			.build();
		this.view.apply(state.deploymentId(), state);
		return new WeakReference<>(state.flow());
	}

}
