package dev.flowgate.gateway.domain.deployment;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.gateway.support.DeploymentStates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting until the deployment view holds a deployment as deployment-service answered it.
 */
class DeploymentViewAwaitTest {

	private static final Duration LONG = Duration.ofMinutes(1);

	private final DeploymentView view = new DeploymentView();

	private final DeploymentStates state = DeploymentStates.of("owner-1");

	@Test
	void waitsForACreatedDeployment() {
		CompletableFuture<Boolean> applied = this.view
			.awaitApplied(ExpectedDeployment.of(this.state.deploymentId()).enabled(true), LONG);
		assertThat(applied).isNotDone();

		this.view.apply(this.state.deploymentId(), this.state.build());

		assertThat(applied).isCompletedWithValue(true);
	}

	@Test
	void waitsForEveryFieldTheAnswerTold() {
		this.view.apply(this.state.deploymentId(), this.state.build());
		ExpectedDeployment changed = ExpectedDeployment.of(this.state.deploymentId())
			.flowVersion(1)
			.mode(DeploymentMode.ASYNC)
			.environment(DeploymentEnvironment.TEST)
			.enabled(false)
			.syncTimeoutSeconds(10)
			.delivery(DeliveryTarget.NONE)
			.limits(new DeploymentLimits(2, null));
		CompletableFuture<Boolean> applied = this.view.awaitApplied(changed, LONG);

		this.view.apply(this.state.deploymentId(),
				this.state.mode(DeploymentMode.ASYNC).environment(DeploymentEnvironment.TEST).enabled(false).build());
		assertThat(applied).isNotDone();

		this.view.apply(this.state.deploymentId(), this.state.limits(2, null).build());
		assertThat(applied).isCompletedWithValue(true);
	}

	@Test
	void waitsForADeletion() {
		this.view.apply(this.state.deploymentId(), this.state.build());
		CompletableFuture<Boolean> deleted = this.view.awaitDeleted(this.state.deploymentId(), LONG);
		assertThat(deleted).isNotDone();

		this.view.apply(this.state.deploymentId(), null);

		assertThat(deleted).isCompletedWithValue(true);
	}

	@Test
	void answersFalseWhenTheDeploymentDoesNotArriveInTime() {
		CompletableFuture<Boolean> applied = this.view.awaitApplied(ExpectedDeployment.of("unknown"),
				Duration.ofMillis(50));

		assertThat(applied.join()).isFalse();
	}

}
