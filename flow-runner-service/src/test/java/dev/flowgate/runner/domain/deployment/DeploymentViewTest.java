package dev.flowgate.runner.domain.deployment;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.runner.support.Deployments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentViewTest {

	private final DeploymentView view = new DeploymentView();

	@Test
	void answersAtOnceForAKnownDeployment() {
		DeploymentStateChanged deployment = Deployments.echo("dep-1", "owner-1");
		this.view.put(deployment);

		assertThat(this.view.await("dep-1", Duration.ofSeconds(5))).isCompletedWithValue(Optional.of(deployment));
	}

	@Test
	void waitsForADeploymentThatArrivesLate() {
		CompletableFuture<Optional<DeploymentStateChanged>> lookup = this.view.await("dep-1", Duration.ofSeconds(5));
		assertThat(lookup).isNotDone();

		DeploymentStateChanged deployment = Deployments.echo("dep-1", "owner-1");
		this.view.put(deployment);

		assertThat(lookup).isCompletedWithValue(Optional.of(deployment));
	}

	@Test
	void givesUpOnAnUnknownDeploymentAfterThePatience() {
		assertThat(this.view.await("ghost", Duration.ofMillis(50)).join()).isEmpty();
	}

	@Test
	void forgetsADeploymentOnItsTombstone() {
		this.view.put(Deployments.echo("dep-1", "owner-1"));

		this.view.remove("dep-1");

		assertThat(this.view.find("dep-1")).isEmpty();
		assertThat(this.view.size()).isZero();
	}

	@Test
	void keepsTheLatestStateOfEachDeployment() {
		this.view.put(Deployments.echo("dep-1", "owner-1"));
		DeploymentStateChanged newer = Deployments.echo("dep-1", "owner-2");

		this.view.put(newer);

		assertThat(this.view.find("dep-1")).contains(newer);
		assertThat(this.view.size()).isOne();
	}

	@Test
	void holdsOneCopyOfAFlowVersionThatManyDeploymentsPin() {
		this.view.put(pinning("test", "flow-1", 1));
		this.view.put(pinning("production", "flow-1", 1));

		assertThat(this.view.find("production").orElseThrow().flow())
			.isSameAs(this.view.find("test").orElseThrow().flow());
		assertThat(this.view.flowVersions()).isEqualTo(1);
	}

	@Test
	void letsAFlowVersionGoWithTheLastDeploymentThatPinsIt() {
		this.view.put(pinning("test", "flow-1", 1));
		this.view.put(pinning("production", "flow-1", 1));
		this.view.put(pinning("other", "flow-2", 1));

		this.view.remove("test");
		assertThat(this.view.flowVersions()).isEqualTo(2);
		this.view.put(pinning("production", "flow-1", 2));
		assertThat(this.view.flowVersions()).isEqualTo(2);
		this.view.remove("other");
		this.view.remove("production");

		assertThat(this.view.flowVersions()).isZero();
	}

	@Test
	void keepsADeploymentsOwnStateWhenItSharesTheFlow() {
		this.view.put(pinning("test", "flow-1", 1));
		DeploymentStateChanged production = pinning("production", "flow-1", 1);

		this.view.put(production);

		assertThat(this.view.find("production")).contains(production);
	}

	/**
	 * A deployment of the flow version, with a copy of the flow of its own as decoded.
	 */
	private static DeploymentStateChanged pinning(String deploymentId, String flowId, int version) {
		DeploymentStateChanged echo = Deployments.echo(deploymentId, "owner-1");
		return new DeploymentStateChanged(echo.eventId(), echo.schemaVersion(), echo.occurredAt(), deploymentId,
				echo.ownerId(), echo.name(), flowId, version, echo.flow(), echo.mode(), echo.environment(),
				echo.enabled(), echo.syncTimeoutSeconds(), echo.delivery(), echo.limits());
	}

}
