package dev.flowgate.deployments.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.domain.flow.FlowDraft;
import dev.flowgate.deployments.domain.flow.FlowProblem;
import dev.flowgate.deployments.domain.flow.InvalidFlowException;

/**
 * The body of {@code POST /v1/flows} and {@code PUT /v1/flows/{id}}. A flow as a GET
 * answers it may be sent back: its {@code id}, {@code version} and {@code createdAt} are
 * ignored; any other member the body does not take is refused.
 */
@JsonIgnoreProperties({ "id", "version", "createdAt" })
record FlowRequest(String name, String description, List<FlowNode> nodes, List<FlowEdge> edges) {

	/**
	 * @throws InvalidFlowException (422) when a node or edge is {@code null}: the graph
	 * cannot even be read then
	 */
	FlowDraft toDraft() {
		List<FlowProblem> nulls = new ArrayList<>();
		nullsIn("nodes", this.nodes, nulls);
		nullsIn("edges", this.edges, nulls);
		if (!nulls.isEmpty()) {
			throw new InvalidFlowException(nulls);
		}
		return new FlowDraft(this.name, this.description, new FlowDefinition(this.nodes, this.edges));
	}

	private static void nullsIn(String field, List<?> items, List<FlowProblem> problems) {
		if (items != null && items.stream().anyMatch(Objects::isNull)) {
			problems.add(FlowProblem.ofField(field, "must hold objects, not null"));
		}
	}

}
