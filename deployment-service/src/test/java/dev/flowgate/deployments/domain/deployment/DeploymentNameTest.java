package dev.flowgate.deployments.domain.deployment;

import org.junit.jupiter.api.Test;

import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.flow.FlowDraft;

import static dev.flowgate.deployments.domain.deployment.DeploymentFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeploymentNameTest {

	private final DeploymentFixture fixture = new DeploymentFixture((id) -> {
	});

	private final String flowId = this.fixture.flows
		.create(OWNER, new FlowDraft("Echo", null, DeploymentFixture.echo()))
		.flowId();

	@Test
	void refusesANameThatWouldHideOrReorderWhatListsShow() {
		for (String name : new String[] { "prod\u0000", "prod \u001b[31m", "dorp\u202E", "half \uD800", " " }) {
			assertThatExceptionOfType(InvalidRequestException.class).as(name)
				.isThrownBy(() -> this.fixture.deployments.create(OWNER, this.flowId, named(name)))
				.satisfies((ex) -> assertThat(ex.problems()).extracting(InvalidRequestException.FieldProblem::field)
					.containsExactly("name"));
		}
		assertThat(this.fixture.deployments.list(OWNER)).isEmpty();
	}

	@Test
	void takesANameOfTwoHundredCharactersEmojiCountingAsOne() {
		Deployment named = this.fixture.deployments.create(OWNER, this.flowId, named("🚀".repeat(200)));

		assertThat(named.name()).hasSize(400);
	}

	private static DeploymentChanges named(String name) {
		return new DeploymentChanges(null, name, null, null, null, null, null, null);
	}

}
