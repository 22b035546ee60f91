package dev.flowgate.deployments.domain.flow;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.flowrules.NodeType;
import dev.flowgate.flowrules.ReferencePath;

/**
 * Node ids are non-blank, free of control characters and unique, types are known, and
 * there is an output.
 */
final class NodeRules implements FlowRule {

	private static final String KNOWN_TYPES = Arrays.stream(NodeType.values())
		.map(NodeType::token)
		.collect(Collectors.joining(", "));

	@Override
	public void check(FlowGraph graph, List<FlowProblem> problems) {
		Set<String> seen = new HashSet<>();
		List<FlowNode> nodes = graph.definition().nodes();
		for (int index = 0; index < nodes.size(); index++) {
			FlowNode node = nodes.get(index);
			if (node.id() == null || node.id().isBlank()) {
				problems.add(FlowProblem.ofField("nodes[%d].id".formatted(index), "is blank"));
			}
			else if (node.id().chars().anyMatch(Character::isISOControl)) {
				// Ids are shown in editors, logs and problems, and sent back as inputId.
				problems
					.add(FlowProblem.ofField("nodes[%d].id".formatted(index), "must not contain control characters"));
			}
			else if (!seen.add(node.id())) {
				problems.add(new FlowProblem(node.id(), "duplicate node id"));
			}
			else if (ReferencePath.INPUT_ROOT.equals(node.id())) {
				problems.add(new FlowProblem(node.id(), "the node id 'input' is reserved for {{input.<name>}}"));
			}
			if (NodeType.of(node.type()).isEmpty()) {
				problems.add(new FlowProblem(node.id(),
						"unknown node type '%s'; expected one of %s".formatted(node.type(), KNOWN_TYPES)));
			}
		}
		boolean hasOutput = nodes.stream().anyMatch((node) -> NodeType.OUTPUT.isTypeOf(node.type()));
		if (!hasOutput) {
			problems.add(new FlowProblem(null, "the flow needs at least one output node"));
		}
	}

}
