package dev.flowgate.deployments.domain.flow;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.flowrules.NodeType;
import dev.flowgate.flowrules.ReferencePath;

/**
 * Template references resolve: {@code {{input.x}}} names an input node, and
 * {@code {{node.path}}} names an ancestor of the node that uses it.
 */
final class ReferenceRule implements FlowRule {

	@Override
	public void check(FlowGraph graph, List<FlowProblem> problems) {
		Set<String> inputNames = FlowInput.of(graph.definition())
			.stream()
			.map(FlowInput::name)
			.collect(Collectors.toSet());
		for (FlowNode node : graph.nodes().values()) {
			List<String> fields = NodeType.of(node.type()).map(NodeType::templateFields).orElse(List.of());
			for (String field : fields) {
				for (String reference : TemplateReferences.in(node.config().get(field))) {
					String problem = problemWith(reference, node.id(), graph, inputNames);
					if (problem != null) {
						problems.add(new FlowProblem(node.id(), "%s: {{%s}} %s".formatted(field, reference, problem)));
					}
				}
			}
		}
	}

	private String problemWith(String reference, String nodeId, FlowGraph graph, Set<String> inputNames) {
		if (reference.isEmpty()) {
			return "is empty";
		}
		String root = TemplateReferences.root(reference);
		if (root.isEmpty()) {
			return "starts with no node id (write {{nodeId.path}} or {{input.name}})";
		}
		if (ReferencePath.INPUT_ROOT.equals(root)) {
			String inputName = TemplateReferences.inputName(reference);
			return (inputName == null || inputNames.contains(inputName)) ? null
					: "names no input node (no input is named '%s')".formatted(inputName);
		}
		if (!graph.nodes().containsKey(root)) {
			return "refers to unknown node '%s'".formatted(root);
		}
		if (!graph.ancestors(nodeId).contains(root)) {
			return "refers to '%s', which is not upstream of this node".formatted(root);
		}
		return null;
	}

}
