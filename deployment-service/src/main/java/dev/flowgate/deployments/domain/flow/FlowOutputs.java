package dev.flowgate.deployments.domain.flow;

import java.util.List;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.flowrules.NodeType;

/** The names a flow's output nodes give their values in {@code output_data}. */
public final class FlowOutputs {

	private FlowOutputs() {
	}

	public static List<String> names(FlowDefinition flow) {
		return flow.nodes()
			.stream()
			.filter((node) -> NodeType.OUTPUT.isTypeOf(node.type()))
			.map((node) -> new NodeConfig(node.config()).text("name"))
			.filter((name) -> name != null)
			.distinct()
			.toList();
	}

}
