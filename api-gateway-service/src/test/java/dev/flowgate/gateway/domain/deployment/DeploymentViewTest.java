package dev.flowgate.gateway.domain.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.input.InputSpec;
import dev.flowgate.flowrules.InputType;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.support.DeploymentStates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentViewTest {

	private final DeploymentView view = new DeploymentView();

	private final Caller owner = caller("owner-1", Set.of());

	@Test
	void findsAnEnabledDeploymentOfTheCaller() {
		DeploymentStateChanged state = publish(DeploymentStates.of("owner-1").input("n1", "question", "text", true));

		Deployment deployment = forTrigger(this.owner, state.deploymentId());

		assertThat(deployment.id()).isEqualTo(state.deploymentId());
		assertThat(deployment.ownerId()).isEqualTo(state.ownerId());
		assertThat(deployment.flowId()).isEqualTo(state.flowId());
		assertThat(deployment.occurredAt()).isEqualTo(state.occurredAt());
		assertThat(deployment.inputs()).containsExactly(new InputSpec("n1", "question", InputType.TEXT, true));
	}

	@Test
	void hidesAnotherOwnersDeploymentAsNotFound() {
		DeploymentStateChanged state = publish(DeploymentStates.of("owner-2"));

		assertRejected(() -> forTrigger(this.owner, state.deploymentId()), Rejection.Reason.NOT_FOUND);
		assertRejected(() -> forTrigger(this.owner, "unknown"), Rejection.Reason.NOT_FOUND);
	}

	@Test
	void hidesADeploymentOutsideTheKeysAllowListAsNotFound() {
		DeploymentStateChanged allowed = publish(DeploymentStates.of("owner-1"));
		DeploymentStateChanged other = publish(DeploymentStates.of("owner-1").flowId("flow-4"));
		Caller restricted = caller("owner-1", Set.of(allowed.deploymentId()));
		Caller stranger = caller("owner-2", Set.of());

		assertThat(forTrigger(restricted, allowed.deploymentId()).id()).isEqualTo(allowed.deploymentId());
		assertSameRejection(() -> forTrigger(restricted, other.deploymentId()),
				() -> forTrigger(stranger, other.deploymentId()));
		assertSameRejection(() -> forFluxFlow(restricted, other.deploymentId()),
				() -> forFluxFlow(stranger, other.deploymentId()));
		assertSameRejection(() -> forFluxFlow(restricted, "flow-4"), () -> forFluxFlow(stranger, "flow-4"));
	}

	@Test
	void refusesADisabledDeployment() {
		DeploymentStateChanged disabled = publish(DeploymentStates.of("owner-1").enabled(false));

		assertRejected(() -> forTrigger(this.owner, disabled.deploymentId()), Rejection.Reason.DEPLOYMENT_DISABLED);
	}

	@Test
	void tellsOfTheOwnersDeploymentBeforeTheKeyIsCheckedButNeverOfAStrangers() {
		DeploymentStateChanged disabled = publish(DeploymentStates.of("owner-1").enabled(false));
		DeploymentStateChanged strangers = publish(DeploymentStates.of("owner-2"));
		List<String> told = new ArrayList<>();

		assertRejected(() -> this.view.forTrigger(this.owner, disabled.deploymentId(), (owned) -> told.add(owned.id())),
				Rejection.Reason.DEPLOYMENT_DISABLED);
		assertRejected(
				() -> this.view.forTrigger(this.owner, strangers.deploymentId(), (owned) -> told.add(owned.id())),
				Rejection.Reason.NOT_FOUND);

		assertThat(told).containsExactly(disabled.deploymentId());
	}

	@Test
	void forgetsADeletedDeployment() {
		DeploymentStateChanged state = publish(DeploymentStates.of("owner-1"));

		this.view.apply(state.deploymentId(), null);

		assertRejected(() -> forTrigger(this.owner, state.deploymentId()), Rejection.Reason.NOT_FOUND);
	}

	@Test
	void resolvesAFluxFlowIdToItsEnabledProductionDeployment() {
		publish(DeploymentStates.of("owner-1").flowId("flow-1").environment(DeploymentEnvironment.TEST));
		DeploymentStateChanged production = publish(DeploymentStates.of("owner-1").flowId("flow-1"));
		publish(DeploymentStates.of("owner-1").flowId("flow-1").enabled(false));
		publish(DeploymentStates.of("owner-2").flowId("flow-1"));

		assertThat(forFluxFlow(this.owner, "flow-1").id()).isEqualTo(production.deploymentId());
		assertThat(forFluxFlow(this.owner, production.deploymentId()).id()).isEqualTo(production.deploymentId());
	}

	@Test
	void refusesAFluxFlowWhoseProductionDeploymentIsDisabled() {
		publish(DeploymentStates.of("owner-1").flowId("flow-2").enabled(false));
		publish(DeploymentStates.of("owner-1").flowId("flow-3").environment(DeploymentEnvironment.TEST));

		assertRejected(() -> forFluxFlow(this.owner, "flow-2"), Rejection.Reason.DEPLOYMENT_DISABLED);
		assertRejected(() -> forFluxFlow(this.owner, "flow-3"), Rejection.Reason.NOT_FOUND);
	}

	private Deployment forTrigger(Caller caller, String deploymentId) {
		return this.view.forTrigger(caller, deploymentId, (owned) -> {
		});
	}

	private Deployment forFluxFlow(Caller caller, String flowId) {
		return this.view.forFluxFlow(caller, flowId, (owned) -> {
		});
	}

	private DeploymentStateChanged publish(DeploymentStates builder) {
		DeploymentStateChanged state = builder.build();
		this.view.apply(state.deploymentId(), state);
		return state;
	}

	private static Caller caller(String ownerId, Set<String> deploymentIds) {
		return new Caller("key-1", ownerId, Set.of(KeyScope.RUN), deploymentIds, null);
	}

	/** {@code call} refused as {@code unknown} is: a 404 with the same words. */
	private static void assertSameRejection(Runnable call, Runnable unknown) {
		assertThatThrownBy(unknown::run).isInstanceOfSatisfying(Rejection.class,
				(expected) -> assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejection.class, (rejection) -> {
					assertThat(rejection.reason()).isEqualTo(Rejection.Reason.NOT_FOUND);
					assertThat(rejection.getMessage()).isEqualTo(expected.getMessage());
				}));
	}

	private static void assertRejected(Runnable call, Rejection.Reason reason) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> assertThat(rejection.reason()).isEqualTo(reason));
	}

}
