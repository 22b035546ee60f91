package dev.flowgate.deployments.domain.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.deployments.domain.ConcurrentChangeException;
import dev.flowgate.deployments.domain.ConflictException;
import dev.flowgate.deployments.domain.ExpectedRevision;
import dev.flowgate.deployments.domain.PreconditionFailedException;
import dev.flowgate.internal.Setting;

import static dev.flowgate.deployments.domain.deployment.DeploymentFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A change or deletion made on the strength of the version its caller read: refused once
 * the deployment moved on, even between the service's read and its write.
 */
class ConditionalChangeTest {

	private static final DeploymentChanges RENAME = new DeploymentChanges(null, "Renamed", null, null, null, null, null,
			null);

	private final List<String> published = new ArrayList<>();

	private final DeploymentFixture fixture = new DeploymentFixture(this.published::add);

	private final DeploymentService deployments = this.fixture.deployments;

	private final Deployment created = this.deployments.create(OWNER, this.fixture.flowId, DeploymentChanges.NONE);

	@Test
	void refusesAChangeExpectingAVersionTheDeploymentMovedOnFrom() {
		this.deployments.update(OWNER, this.created.id(), disable());

		assertThatThrownBy(() -> this.deployments.update(OWNER, this.created.id(), RENAME, expecting(1)))
			.isInstanceOfSatisfying(PreconditionFailedException.class,
					(ex) -> assertThat(ex.currentRevision()).isEqualTo(2));

		Deployment stored = this.deployments.get(OWNER, this.created.id());
		assertThat(stored.name()).isEqualTo("Echo");
		assertThat(stored.version()).isEqualTo(2);
	}

	@Test
	void refusesAChangeWhenAnotherLandsBetweenItsReadAndItsWrite() {
		this.fixture.store.changedByAnotherWriterBeforeNextUpdates(1);

		assertThatThrownBy(() -> this.deployments.update(OWNER, this.created.id(), RENAME, expecting(1)))
			.isInstanceOfSatisfying(PreconditionFailedException.class,
					(ex) -> assertThat(ex.currentRevision()).isEqualTo(2));

		assertThat(this.deployments.get(OWNER, this.created.id()).name()).isEqualTo("Echo");
	}

	@Test
	void appliesAChangeExpectingTheCurrentVersion() {
		Deployment renamed = this.deployments.update(OWNER, this.created.id(), RENAME, expecting(1));

		assertThat(renamed.name()).isEqualTo("Renamed");
		assertThat(renamed.version()).isEqualTo(2);
	}

	@Test
	void letsTheLastWriterWinWithoutAnExpectedVersion() {
		this.fixture.store.changedByAnotherWriterBeforeNextUpdates(1);

		Deployment renamed = this.deployments.update(OWNER, this.created.id(), RENAME, ExpectedRevision.ANY);

		assertThat(renamed.name()).isEqualTo("Renamed");
		assertThat(renamed.version()).isEqualTo(3);
	}

	@Test
	void givesUpWithARetryableConflictWhenAnotherWriterIsFirstEveryTime() {
		this.fixture.store.changedByAnotherWriterBeforeNextUpdates(Integer.MAX_VALUE);

		assertThatThrownBy(() -> this.deployments.update(OWNER, this.created.id(), RENAME))
			.isInstanceOf(ConcurrentChangeException.class)
			.isInstanceOf(ConflictException.class)
			.hasMessage("Deployment '%s' is being changed by another request; retry", this.created.id());
	}

	@Test
	void deletesOnlyAtAnExpectedVersion() {
		this.deployments.update(OWNER, this.created.id(), disable());

		assertThatThrownBy(() -> this.deployments.delete(OWNER, this.created.id(), expecting(1)))
			.isInstanceOf(PreconditionFailedException.class);
		assertThat(this.deployments.list(OWNER)).hasSize(1);

		this.deployments.delete(OWNER, this.created.id(), expecting(2));
		assertThat(this.deployments.list(OWNER)).isEmpty();
	}

	@Test
	void keepsTheVersionWhenAChangeChangesNothing() {
		Deployment renamed = this.deployments.update(OWNER, this.created.id(), RENAME, expecting(1));

		Deployment again = this.deployments.update(OWNER, this.created.id(), RENAME, expecting(2));
		Deployment empty = this.deployments.update(OWNER, this.created.id(), DeploymentChanges.NONE, expecting(2));

		assertThat(again).isEqualTo(renamed);
		assertThat(empty).isEqualTo(renamed);
		assertThat(this.deployments.get(OWNER, this.created.id()).version()).isEqualTo(2);
		assertThat(this.published).as("the create and the rename only").hasSize(2);
		// Another editor who read version 2 still changes it.
		assertThat(this.deployments.update(OWNER, this.created.id(), disable(), expecting(2)).version()).isEqualTo(3);
	}

	@Test
	void refusesEveryChangeWhenNoExpectedVersionCouldBeRead() {
		assertThatThrownBy(
				() -> this.deployments.update(OWNER, this.created.id(), RENAME, ExpectedRevision.oneOf(List.of())))
			.isInstanceOf(PreconditionFailedException.class);
	}

	@Test
	void clearsDeliveryAndLimitsSetToNullAndKeepsThemWhenNotGiven() {
		Deployment configured = this.deployments.update(OWNER, this.created.id(),
				new DeploymentChanges(null, null, null, null, null, null,
						Setting.to(new DeliveryTarget("https://example.com/hook", null, true)),
						Setting.to(new DeploymentLimits(2, 60))));

		Deployment kept = this.deployments.update(OWNER, this.created.id(), RENAME);
		Deployment cleared = this.deployments.update(OWNER, this.created.id(),
				new DeploymentChanges(null, null, null, null, null, null, Setting.to(null), Setting.to(null)));

		assertThat(kept.delivery()).isEqualTo(configured.delivery());
		assertThat(kept.limits()).isEqualTo(new DeploymentLimits(2, 60));
		assertThat(cleared.delivery()).isEqualTo(DeliveryTarget.NONE);
		assertThat(cleared.limits()).isEqualTo(DeploymentLimits.NONE);
	}

	private static DeploymentChanges disable() {
		return new DeploymentChanges(null, null, null, null, false, null, null, null);
	}

	private static ExpectedRevision expecting(long version) {
		return ExpectedRevision.oneOf(Set.of(version));
	}

}
