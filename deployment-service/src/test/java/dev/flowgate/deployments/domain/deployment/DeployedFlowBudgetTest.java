package dev.flowgate.deployments.domain.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.flowgate.deployments.domain.flow.FlowDraft;
import dev.flowgate.deployments.domain.flow.FlowVersion;

import static dev.flowgate.deployments.domain.deployment.DeploymentFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An owner's deployments pin at most so many bytes of distinct flow versions: every
 * gateway and runner holds them in memory.
 */
class DeployedFlowBudgetTest {

	private final List<String> published = new ArrayList<>();

	/** What a version of the echo flow counts. */
	private static final long FLOW_BYTES = new FlowVersion("flow", OWNER, 1, "Echo", null, DeploymentFixture.echo(),
			Instant.EPOCH)
		.definitionBytes();

	/** Room for two versions of the echo flow, not three. */
	private final DeploymentFixture fixture = new DeploymentFixture(this.published::add, DeploymentFixture.PER_OWNER,
			2 * FLOW_BYTES + FLOW_BYTES / 2);

	private final DeploymentService deployments = this.fixture.deployments;

	@Test
	void countsAVersionManyDeploymentsPinOnce() {
		for (int i = 0; i < 5; i++) {
			deploy(this.fixture.flowId);
		}

		assertThat(this.deployments.list(OWNER)).hasSize(5);
	}

	@Test
	void refusesADeploymentWhoseVersionWouldBringTheOwnerPastTheBudgetAndPublishesNothingForIt() {
		deploy(this.fixture.flowId);
		deploy(newFlow(OWNER));
		String third = newFlow(OWNER);

		assertThatThrownBy(() -> deploy(third)).isInstanceOf(DeployedFlowBudgetExceededException.class)
			.hasMessage(("An owner's deployments can pin flow versions of at most %d bytes together (as JSON, each "
					+ "version once); this would bring yours to %d bytes: delete the deployments no longer used, "
					+ "or pin fewer or smaller versions")
				.formatted(2 * FLOW_BYTES + FLOW_BYTES / 2, 3 * FLOW_BYTES));
		assertThat(this.deployments.list(OWNER)).hasSize(2);
		assertThat(this.published).hasSize(2);
	}

	@Test
	void countsOnlyTheOwnersOwnDeployments() {
		deploy(this.fixture.flowId);
		deploy(newFlow(OWNER));

		this.deployments.create("owner-2", newFlow("owner-2"), DeploymentChanges.NONE);

		assertThat(this.deployments.list("owner-2")).hasSize(1);
	}

	@Test
	void refusesARedeployToAVersionThatWouldBringTheOwnerPastTheBudget() {
		Deployment first = deploy(this.fixture.flowId);
		deploy(newFlow(OWNER));
		this.fixture.flows.update(OWNER, this.fixture.flowId, new FlowDraft("Echo", null, DeploymentFixture.echo()));
		Deployment second = this.deployments.create(OWNER, this.fixture.flowId, withFlowVersion(1));

		assertThatThrownBy(() -> this.deployments.update(OWNER, second.id(), withFlowVersion(2)))
			.isInstanceOf(DeployedFlowBudgetExceededException.class);
		assertThat(this.deployments.get(OWNER, second.id()).flowVersion()).isEqualTo(1);
		this.deployments.delete(OWNER, second.id());
		assertThat(this.deployments.update(OWNER, first.id(), withFlowVersion(2)).flowVersion())
			.as("the version it leaves, which no other pins, no longer counts")
			.isEqualTo(2);
	}

	@Test
	void withdrawsTheDeploymentThatAnotherCreatedAtTheSameTimeTookTheLastRoomFrom() {
		deploy(this.fixture.flowId);
		String other = newFlow(OWNER);
		List<Deployment> concurrent = new ArrayList<>();
		this.fixture.store.beforeNextInsert(() -> concurrent.add(deploy(other)));

		assertThatThrownBy(() -> deploy(newFlow(OWNER))).isInstanceOf(DeployedFlowBudgetExceededException.class);

		assertThat(this.deployments.list(OWNER)).hasSize(2).contains(DeploymentSummary.of(concurrent.get(0)));
	}

	private Deployment deploy(String flowId) {
		return this.deployments.create(OWNER, flowId, DeploymentChanges.NONE);
	}

	private String newFlow(String ownerId) {
		return this.fixture.flows.create(ownerId, new FlowDraft("Echo", null, DeploymentFixture.echo())).flowId();
	}

	private static DeploymentChanges withFlowVersion(int version) {
		return new DeploymentChanges(version, null, null, null, null, null, null, null);
	}

}
