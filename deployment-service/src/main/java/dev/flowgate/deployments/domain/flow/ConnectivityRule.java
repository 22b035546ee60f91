package dev.flowgate.deployments.domain.flow;

import java.util.List;

/** In a flow of more than one node, every node has at least one edge. */
final class ConnectivityRule implements FlowRule {

	@Override
	public void check(FlowGraph graph, List<FlowProblem> problems) {
		if (graph.definition().nodes().size() < 2) {
			return;
		}
		for (String nodeId : graph.nodes().keySet()) {
			if (graph.incoming(nodeId).isEmpty() && graph.outgoing(nodeId).isEmpty()) {
				problems.add(new FlowProblem(nodeId, "the node is not connected to any other node"));
			}
		}
	}

}
