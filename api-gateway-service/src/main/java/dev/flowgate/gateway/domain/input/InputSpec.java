package dev.flowgate.gateway.domain.input;

import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.flowrules.InputType;
import dev.flowgate.flowrules.NodeType;

/**
 * What one input node of a flow accepts.
 *
 * @param nodeId the node's id (FluxPrompt's {@code inputId})
 * @param name the input's name (the key in {@code input_data})
 */
public record InputSpec(String nodeId, String name, InputType type, boolean required) {

	/** The input nodes of a flow, in node order. */
	public static List<InputSpec> of(FlowDefinition flow) {
		return flow.nodes().stream().filter((node) -> NodeType.INPUT.isTypeOf(node.type())).map(InputSpec::of).toList();
	}

	/**
	 * The node's id, and the input's name where it differs: how FluxPrompt's callers know
	 * it.
	 */
	public String idAndName() {
		return this.nodeId.equals(this.name) ? this.nodeId : this.nodeId + " (" + this.name + ")";
	}

	/**
	 * Text when absent; any JSON when unknown (deployment-service refuses it at save
	 * time).
	 */
	private static InputType typeOf(Object token) {
		if (token == null) {
			return InputType.TEXT;
		}
		return (token instanceof String text) ? InputType.of(text).orElse(InputType.JSON) : InputType.JSON;
	}

	static InputSpec of(FlowNode node) {
		Map<String, Object> config = node.config();
		Object name = config.get("name");
		return new InputSpec(node.id(), (name instanceof String text && !text.isBlank()) ? text : node.id(),
				typeOf(config.get("inputType")), Boolean.TRUE.equals(config.get("required")));
	}

}
