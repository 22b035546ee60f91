package dev.flowgate.deployments.domain.deployment;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.flowgate.deployments.domain.flow.FlowDraft;

import static dev.flowgate.deployments.domain.deployment.DeploymentFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An owner has at most so many deployments: every gateway and runner holds them all in
 * memory.
 */
class DeploymentLimitTest {

	private static final int PER_OWNER = 2;

	private final List<String> published = new ArrayList<>();

	private final DeploymentFixture fixture = new DeploymentFixture(this.published::add, PER_OWNER);

	private final DeploymentService deployments = this.fixture.deployments;

	@Test
	void refusesADeploymentPastTheOwnersLimitAndPublishesNothingForIt() {
		createDeployments(PER_OWNER);

		assertThatThrownBy(this::createDeployment).isInstanceOf(DeploymentLimitReachedException.class)
			.hasMessage("An owner can have at most 2 deployments; delete the deployments no longer used");

		assertThat(this.deployments.list(OWNER)).hasSize(PER_OWNER);
		assertThat(this.published).hasSize(PER_OWNER);
	}

	@Test
	void makesRoomWhenADeploymentIsDeleted() {
		List<Deployment> created = createDeployments(PER_OWNER);

		this.deployments.delete(OWNER, created.get(0).id());

		assertThat(createDeployment().ownerId()).isEqualTo(OWNER);
		assertThat(this.deployments.list(OWNER)).hasSize(PER_OWNER);
	}

	@Test
	void countsOnlyTheOwnersOwnDeployments() {
		createDeployments(PER_OWNER);
		String otherFlow = this.fixture.flows.create("owner-2", new FlowDraft("Echo", null, DeploymentFixture.echo()))
			.flowId();

		this.deployments.create("owner-2", otherFlow, DeploymentChanges.NONE);

		assertThat(this.deployments.list("owner-2")).hasSize(1);
	}

	@Test
	void withdrawsTheDeploymentThatAnotherCreatedAtTheSameTimeTookTheLastPlaceFrom() {
		createDeployments(PER_OWNER - 1);
		List<Deployment> concurrent = new ArrayList<>();
		this.fixture.store.beforeNextInsert(() -> concurrent.add(createDeployment()));

		assertThatThrownBy(this::createDeployment).isInstanceOf(DeploymentLimitReachedException.class);

		assertThat(this.deployments.list(OWNER)).hasSize(PER_OWNER).contains(DeploymentSummary.of(concurrent.get(0)));
		assertThat(this.published).as("each one kept, and the withdrawn one's tombstone").hasSize(PER_OWNER + 1);
	}

	private List<Deployment> createDeployments(int count) {
		List<Deployment> created = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			created.add(createDeployment());
		}
		return created;
	}

	private Deployment createDeployment() {
		return this.deployments.create(OWNER, this.fixture.flowId, DeploymentChanges.NONE);
	}

}
