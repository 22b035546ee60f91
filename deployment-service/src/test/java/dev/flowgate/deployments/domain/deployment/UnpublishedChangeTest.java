package dev.flowgate.deployments.domain.deployment;

import org.junit.jupiter.api.Test;

import static dev.flowgate.deployments.domain.deployment.DeploymentFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change stored while publishing fails (the store went away between the save and the
 * publication's claim): the caller learns it is done, and the republisher sends it.
 */
class UnpublishedChangeTest {

	private final DeploymentFixture fixture = new DeploymentFixture((deploymentId) -> {
		throw new IllegalStateException("Timed out after 5000 ms while waiting for a server");
	});

	private final DeploymentService deployments = this.fixture.deployments;

	@Test
	void answersACreationThatWasStoredSoThatItIsNotRetried() {
		Deployment created = this.deployments.create(OWNER, this.fixture.flowId, DeploymentChanges.NONE);

		assertThat(this.deployments.list(OWNER)).extracting(DeploymentSummary::id).containsExactly(created.id());
	}

	@Test
	void answersACreationStoredThoughItsFlowCouldNotBeLookedAtAgain() {
		this.fixture.store.beforeNextInsert(this.fixture.flowStore::failReads);

		Deployment created = this.deployments.create(OWNER, this.fixture.flowId, DeploymentChanges.NONE);

		assertThat(this.deployments.list(OWNER)).extracting(DeploymentSummary::id).containsExactly(created.id());
	}

	@Test
	void answersAChangeAndADeletionThatWereStored() {
		Deployment created = this.deployments.create(OWNER, this.fixture.flowId, DeploymentChanges.NONE);

		Deployment renamed = this.deployments.update(OWNER, created.id(),
				new DeploymentChanges(null, "Renamed", null, null, null, null, null, null));
		this.deployments.delete(OWNER, created.id());

		assertThat(renamed.name()).isEqualTo("Renamed");
		assertThat(this.deployments.list(OWNER)).isEmpty();
	}

}
