package dev.flowgate.deployments.domain.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowEdge;

/** The graph is acyclic: every edge that closes a cycle is reported. */
final class CycleRule implements FlowRule {

	private enum Mark {

		IN_PROGRESS, DONE

	}

	@Override
	public void check(FlowGraph graph, List<FlowProblem> problems) {
		Map<String, Mark> marks = new HashMap<>();
		for (String nodeId : graph.nodes().keySet()) {
			visit(graph, nodeId, marks, problems);
		}
	}

	private void visit(FlowGraph graph, String nodeId, Map<String, Mark> marks, List<FlowProblem> problems) {
		if (marks.containsKey(nodeId)) {
			return;
		}
		marks.put(nodeId, Mark.IN_PROGRESS);
		for (FlowEdge edge : graph.outgoing(nodeId)) {
			if (marks.get(edge.to()) == Mark.IN_PROGRESS) {
				problems.add(new FlowProblem(nodeId, "the edge to '%s' closes a cycle".formatted(edge.to())));
			}
			else {
				visit(graph, edge.to(), marks, problems);
			}
		}
		marks.put(nodeId, Mark.DONE);
	}

}
