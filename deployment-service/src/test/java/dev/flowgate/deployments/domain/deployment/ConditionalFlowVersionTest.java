package dev.flowgate.deployments.domain.deployment;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.flowgate.deployments.domain.ConcurrentChangeException;
import dev.flowgate.deployments.domain.ExpectedRevision;
import dev.flowgate.deployments.domain.PreconditionFailedException;
import dev.flowgate.deployments.domain.flow.FlowDraft;
import dev.flowgate.deployments.domain.flow.FlowService;

import static dev.flowgate.deployments.domain.deployment.DeploymentFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A flow's next version written on the strength of the version its caller read: stored
 * only while that one is still the latest, even when another is stored in between.
 */
class ConditionalFlowVersionTest {

	private final DeploymentFixture fixture = new DeploymentFixture((deploymentId) -> {
	});

	private final FlowService flows = this.fixture.flows;

	private final String flowId = this.fixture.flowId;

	@Test
	void refusesAVersionBasedOnOneThatIsNoLongerTheLatest() {
		this.flows.update(OWNER, this.flowId, draft("Second"));

		assertThatThrownBy(() -> this.flows.update(OWNER, this.flowId, draft("Stale"), expecting(1)))
			.isInstanceOfSatisfying(PreconditionFailedException.class,
					(ex) -> assertThat(ex.currentRevision()).isEqualTo(2))
			.hasMessage("Flow '%s' has changed since it was read; read it again and retry", this.flowId);

		assertThat(this.flows.latest(OWNER, this.flowId).name()).isEqualTo("Second");
	}

	@Test
	void refusesAVersionWhenAnotherIsStoredBetweenItsReadAndItsWrite() {
		this.fixture.flowStore.beforeNextInsert(() -> this.flows.update(OWNER, this.flowId, draft("Other")));

		assertThatThrownBy(() -> this.flows.update(OWNER, this.flowId, draft("Mine"), expecting(1)))
			.isInstanceOfSatisfying(PreconditionFailedException.class,
					(ex) -> assertThat(ex.currentRevision()).isEqualTo(2));

		assertThat(this.flows.latest(OWNER, this.flowId).name()).isEqualTo("Other");
	}

	@Test
	void answersARetryableConflictToAVersionWithoutExpectationThatLostTheRace() {
		this.fixture.flowStore.beforeNextInsert(() -> this.flows.update(OWNER, this.flowId, draft("Other")));

		assertThatThrownBy(() -> this.flows.update(OWNER, this.flowId, draft("Mine"), ExpectedRevision.ANY))
			.isInstanceOf(ConcurrentChangeException.class);
	}

	@Test
	void storesTheNextVersionWhileTheExpectedOneIsTheLatest() {
		assertThat(this.flows.update(OWNER, this.flowId, draft("Second"), expecting(1)).version()).isEqualTo(2);
	}

	private static FlowDraft draft(String name) {
		return new FlowDraft(name, null, DeploymentFixture.echo());
	}

	private static ExpectedRevision expecting(long version) {
		return ExpectedRevision.oneOf(Set.of(version));
	}

}
