package dev.flowgate.deployments.domain.flow;

import java.util.List;

import dev.flowgate.contracts.FlowDefinition;

/**
 * One input a deployed flow accepts, read from an input node.
 *
 * @param nodeId the input node's id (FluxPrompt's {@code inputId})
 * @param name the API name in {@code input_data}
 */
public record FlowInput(String nodeId, String name, InputType type, boolean required, Object testValue) {

	/** The inputs of a flow, in node order. */
	public static List<FlowInput> of(FlowDefinition flow) {
		return flow.nodes().stream().filter((node) -> NodeType.INPUT.token().equals(node.type())).map((node) -> {
			NodeConfig config = new NodeConfig(node.config());
			String name = (config.text("name") != null) ? config.text("name") : node.id();
			InputType type = InputType.of(config.text("inputType")).orElse(InputType.TEXT);
			return new FlowInput(node.id(), name, type, config.flag("required"), config.get("testValue"));
		}).toList();
	}

}
