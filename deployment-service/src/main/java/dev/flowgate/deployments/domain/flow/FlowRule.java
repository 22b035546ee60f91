package dev.flowgate.deployments.domain.flow;

import java.util.List;

/** One family of checks; each adds every problem it finds. */
interface FlowRule {

	void check(FlowGraph graph, List<FlowProblem> problems);

}
