package dev.flowgate.deployments.domain.deployment;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.domain.flow.FlowDraft;
import dev.flowgate.deployments.domain.flow.FlowService;
import dev.flowgate.deployments.domain.flow.FlowValidator;

/** The flow and deployment services over in-memory stores, with one flow to deploy. */
final class DeploymentFixture {

	static final String OWNER = "owner-1";

	/** More than any test here creates, unless it asks for fewer. */
	static final int PER_OWNER = 100;

	final InMemoryDeployments store = new InMemoryDeployments();

	final InMemoryFlows flowStore = new InMemoryFlows();

	final FlowService flows = new FlowService(this.flowStore, this.store, new FlowValidator(10, 10), Clock.systemUTC(),
			Long.MAX_VALUE);

	final DeploymentService deployments;

	final String flowId = this.flows.create(OWNER, new FlowDraft("Echo", null, echo())).flowId();

	DeploymentFixture(DeploymentPublication publication) {
		this(publication, PER_OWNER);
	}

	DeploymentFixture(DeploymentPublication publication, int perOwner) {
		this(publication, perOwner, Long.MAX_VALUE);
	}

	DeploymentFixture(DeploymentPublication publication, int perOwner, long deployedFlowBytes) {
		this.deployments = new DeploymentService(this.store, publication, this.flows, Clock.systemUTC(), perOwner,
				deployedFlowBytes);
	}

	static FlowDefinition echo() {
		return new FlowDefinition(
				List.of(new FlowNode("text", "input", Map.of("name", "text")),
						new FlowNode("out", "output", Map.of("name", "out", "value", "{{input.text}}"))),
				List.of(new FlowEdge("text", "out", null)));
	}

}
