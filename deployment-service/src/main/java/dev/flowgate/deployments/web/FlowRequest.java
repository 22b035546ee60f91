package dev.flowgate.deployments.web;

import java.util.List;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.domain.flow.FlowDraft;

/** The body of {@code POST /v1/flows} and {@code PUT /v1/flows/{id}}. */
record FlowRequest(String name, String description, List<FlowNode> nodes, List<FlowEdge> edges) {

	FlowDraft toDraft() {
		return new FlowDraft(this.name, this.description, new FlowDefinition(this.nodes, this.edges));
	}

}
