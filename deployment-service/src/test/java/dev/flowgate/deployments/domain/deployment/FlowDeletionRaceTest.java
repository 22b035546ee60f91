package dev.flowgate.deployments.domain.deployment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.domain.ConflictException;
import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.flow.FlowDraft;
import dev.flowgate.deployments.domain.flow.FlowService;
import dev.flowgate.deployments.domain.flow.FlowValidator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A flow deleted while a deployment of it is created: never a deployment without its
 * flow.
 */
class FlowDeletionRaceTest {

	private static final String OWNER = "owner-1";

	private final InMemoryFlows flowStore = new InMemoryFlows();

	private final InMemoryDeployments deploymentStore = new InMemoryDeployments();

	private final List<String> published = new ArrayList<>();

	private final FlowService flows = new FlowService(this.flowStore, this.deploymentStore, new FlowValidator(10, 10),
			Clock.systemUTC());

	private final DeploymentService deployments = new DeploymentService(this.deploymentStore, this.published::add,
			this.flows, Clock.systemUTC());

	private final String flowId = this.flows.create(OWNER, new FlowDraft("Echo", null, echo())).flowId();

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
	void refusesTheDeploymentWhenTheFlowIsDeletedBeforeItIsSaved() {
		this.deploymentStore.beforeNextInsert(() -> this.flows.delete(OWNER, this.flowId));

		assertThatThrownBy(() -> this.deployments.create(OWNER, this.flowId, DeploymentChanges.NONE))
			.isInstanceOfSatisfying(InvalidRequestException.class, (ex) -> assertThat(ex.problems())
				.containsExactly(new FieldProblem("flowId", "flow '%s' not found".formatted(this.flowId))));

		assertThat(this.deployments.list(OWNER)).isEmpty();
		assertThat(this.published).as("the deployment's tombstone").hasSize(1);
		assertThatThrownBy(() -> this.flows.latest(OWNER, this.flowId)).isInstanceOf(NotFoundException.class);
	}

	private static FlowDefinition echo() {
		return new FlowDefinition(
				List.of(new FlowNode("text", "input", Map.of("name", "text", "inputType", "text")),
						new FlowNode("out", "output", Map.of("name", "out", "value", "{{input.text}}"))),
				List.of(new FlowEdge("text", "out", null)));
	}

}
