package dev.flowgate.deployments.domain.flow;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.flowrules.NodeType;

/**
 * Edges join existing nodes, only condition edges carry a branch, inputs are sources and
 * outputs are sinks.
 */
final class EdgeRules implements FlowRule {

	private static final Set<String> BRANCHES = Set.of("true", "false");

	@Override
	public void check(FlowGraph graph, List<FlowProblem> problems) {
		for (FlowEdge edge : graph.definition().edges()) {
			checkEnds(graph, edge, problems);
		}
		Set<String> seen = new HashSet<>();
		for (FlowEdge edge : graph.edges()) {
			if (!seen.add(edge.from() + "\u0000" + edge.to() + "\u0000" + edge.branch())) {
				problems.add(new FlowProblem(edge.from(), "duplicate edge to '%s'".formatted(edge.to())));
			}
			checkBranch(graph, edge, problems);
			if (isType(graph, edge.to(), NodeType.INPUT)) {
				problems.add(new FlowProblem(edge.to(), "an input node cannot have incoming edges"));
			}
			if (isType(graph, edge.from(), NodeType.OUTPUT)) {
				problems.add(new FlowProblem(edge.from(), "an output node cannot have outgoing edges"));
			}
		}
	}

	private void checkEnds(FlowGraph graph, FlowEdge edge, List<FlowProblem> problems) {
		if (edge.from() == null || edge.to() == null) {
			String missing = (edge.from() == null) ? "from" : "to";
			String other = (edge.from() == null) ? edge.to() : edge.from();
			problems.add(new FlowProblem(graph.nodes().containsKey(other) ? other : null,
					"an edge needs both 'from' and 'to': '%s' is missing".formatted(missing)));
			return;
		}
		boolean fromExists = graph.nodes().containsKey(edge.from());
		boolean toExists = graph.nodes().containsKey(edge.to());
		String description = "edge from '%s' to '%s'".formatted(edge.from(), edge.to());
		if (!fromExists) {
			String nodeId = toExists ? edge.to() : null;
			problems.add(new FlowProblem(nodeId, description + " starts at an unknown node"));
		}
		if (!toExists) {
			String nodeId = fromExists ? edge.from() : null;
			problems.add(new FlowProblem(nodeId, description + " ends at an unknown node"));
		}
	}

	private void checkBranch(FlowGraph graph, FlowEdge edge, List<FlowProblem> problems) {
		boolean fromCondition = isType(graph, edge.from(), NodeType.CONDITION);
		if (fromCondition && (edge.branch() == null || !BRANCHES.contains(edge.branch()))) {
			problems.add(new FlowProblem(edge.from(),
					"the edge to '%s' leaves a condition node and needs \"branch\": \"true\" or \"false\""
						.formatted(edge.to())));
		}
		else if (!fromCondition && edge.branch() != null) {
			problems.add(new FlowProblem(edge.from(),
					"the edge to '%s' has a branch, but only edges leaving a condition node may".formatted(edge.to())));
		}
	}

	private static boolean isType(FlowGraph graph, String nodeId, NodeType type) {
		return type.isTypeOf(graph.nodes().get(nodeId).type());
	}

}
