package dev.flowgate.deployments.domain.deployment;

import java.util.ArrayList;
import java.util.List;

import dev.flowgate.deployments.domain.ConflictException;
import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.flow.FlowDraft;
import dev.flowgate.deployments.domain.flow.FlowService;
import org.junit.jupiter.api.Test;

import static dev.flowgate.deployments.domain.deployment.DeploymentFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A flow deleted as a deployment of it is created: no deployment is left flowless. */
class FlowDeletionRaceTest {

	private final List<String> published = new ArrayList<>();

	private final DeploymentFixture fixture = new DeploymentFixture(this.published::add);

	private final InMemoryDeployments deploymentStore = this.fixture.store;

	private final FlowService flows = this.fixture.flows;

	private final DeploymentService deployments = this.fixture.deployments;

	private final String flowId = this.fixture.flowId;

	@Test
	void refusesTheDeletionWhenADeploymentIsCreatedAfterItsFirstLook() {
		List<Deployment> created = new ArrayList<>();
		this.deploymentStore
			.afterNextLook(() -> created.add(this.deployments.create(OWNER, this.flowId, DeploymentChanges.NONE)));

		assertThatThrownBy(() -> this.flows.delete(OWNER, this.flowId)).isInstanceOf(ConflictException.class);

		assertThat(created).hasSize(1);
		assertThat(this.flows.latest(OWNER, this.flowId).version()).isEqualTo(1);
		assertThat(this.deployments.get(OWNER, created.get(0).id()).flowId()).isEqualTo(this.flowId);
	}

	@Test
	void withdrawsTheDeploymentChangedMeanwhileWhenItsFlowIsGone() {
		this.deploymentStore.beforeNextInsert(() -> {
			this.flows.delete(OWNER, this.flowId);
			this.fixture.flowStore
				.beforeNextRead(() -> this.deployments.update(OWNER, this.deployments.list(OWNER).get(0).id(),
						new DeploymentChanges(null, "Renamed", null, null, null, null, null, null)));
		});

		assertThatThrownBy(() -> this.deployments.create(OWNER, this.flowId, DeploymentChanges.NONE))
			.isInstanceOf(InvalidRequestException.class);

		assertThat(this.deployments.list(OWNER)).isEmpty();
	}

	@Test
	void putsTheFlowBackAsItIsNowWhenTheDeletionIsRefused() {
		this.deploymentStore.afterNextLook(() -> {
			this.flows.update(OWNER, this.flowId, new FlowDraft("Echo v2", null, DeploymentFixture.echo()));
			this.deployments.create(OWNER, this.flowId, DeploymentChanges.NONE);
		});

		assertThatThrownBy(() -> this.flows.delete(OWNER, this.flowId)).isInstanceOf(ConflictException.class);

		assertThat(this.flows.list(OWNER, null, null).items()).singleElement().satisfies((flow) -> {
			assertThat(flow.latestVersion()).isEqualTo(2);
			assertThat(flow.name()).isEqualTo("Echo v2");
		});
	}

	@Test
	void leavesNoVersionOfAFlowDeletedWhileItWasUpdated() {
		this.fixture.flowStore.beforeNextInsert(() -> this.flows.delete(OWNER, this.flowId));

		assertThatThrownBy(
				() -> this.flows.update(OWNER, this.flowId, new FlowDraft("Echo v2", null, DeploymentFixture.echo())))
			.isInstanceOf(NotFoundException.class);

		assertThat(this.fixture.flowStore.hasVersions(this.flowId)).as("an orphan version nothing reads").isFalse();
		assertThat(this.flows.list(OWNER, null, null).items()).isEmpty();
	}

	@Test
	void refusesTheDeploymentWhenTheFlowIsDeletedBeforeItIsSaved() {
		this.deploymentStore.beforeNextInsert(() -> this.flows.delete(OWNER, this.flowId));

		assertThatThrownBy(() -> this.deployments.create(OWNER, this.flowId, DeploymentChanges.NONE))
			.isInstanceOfSatisfying(InvalidRequestException.class, (ex) -> assertThat(ex.problems())
				.containsExactly(new FieldProblem("flowId", "names no flow of yours: " + this.flowId)));

		assertThat(this.deployments.list(OWNER)).isEmpty();
		assertThat(this.published).as("the deployment's tombstone").hasSize(1);
		assertThatThrownBy(() -> this.flows.latest(OWNER, this.flowId)).isInstanceOf(NotFoundException.class);
	}

}
