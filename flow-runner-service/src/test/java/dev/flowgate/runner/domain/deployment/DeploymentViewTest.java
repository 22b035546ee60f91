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

}
