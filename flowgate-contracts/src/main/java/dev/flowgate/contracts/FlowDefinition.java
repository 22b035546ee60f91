package dev.flowgate.contracts;

import java.util.List;

/** A flow graph: nodes and the edges between them. See {@code docs/flows.md}. */
public record FlowDefinition(List<FlowNode> nodes, List<FlowEdge> edges) {

	public FlowDefinition {
		nodes = (nodes != null) ? List.copyOf(nodes) : List.of();
		edges = (edges != null) ? List.copyOf(edges) : List.of();
	}

}
