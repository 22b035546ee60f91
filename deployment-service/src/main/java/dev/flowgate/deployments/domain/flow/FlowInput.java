package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.flowrules.InputType;
import dev.flowgate.flowrules.NodeType;

/**
 * One input a deployed flow accepts, read from an input node.
 *
 * @param nodeId the input node's id (FluxPrompt's {@code inputId})
 * @param name the API name in {@code input_data}
 */
public record FlowInput(String nodeId, String name, InputType type, boolean required, Object testValue) {

	/** Where a trigger's body holds the inputs. */
	private static final String INPUT_DATA = "input_data.";

	/** The inputs of a flow, in node order. */
	public static List<FlowInput> of(FlowDefinition flow) {
		return flow.nodes().stream().filter((node) -> NodeType.INPUT.isTypeOf(node.type())).map((node) -> {
			NodeConfig config = new NodeConfig(node.config());
			String name = (config.text("name") != null) ? config.text("name") : node.id();
			InputType type = InputType.of(config.text("inputType")).orElse(InputType.TEXT);
			return new FlowInput(node.id(), name, type, config.flag("required"), config.get("testValue"));
		}).toList();
	}

	/**
	 * Each input of the flow that {@code values} lack though it is required, or give a
	 * value not of its type, as the gateway checks a trigger's {@code input_data}: keys
	 * no input declares pass through. Each is named by its path in the trigger's body,
	 * {@code input_data.<name>}, as the gateway names it.
	 */
	public static List<FieldProblem> problems(FlowDefinition flow, Map<String, Object> values) {
		List<FieldProblem> problems = new ArrayList<>();
		for (FlowInput input : of(flow)) {
			input.problem(values.get(input.name()))
				.ifPresent((message) -> problems.add(new FieldProblem(INPUT_DATA + input.name(), message)));
		}
		return problems;
	}

	/**
	 * What is wrong with {@code value} (absent: {@code null}) for this input, if
	 * anything.
	 */
	Optional<String> problem(Object value) {
		if (value == null) {
			return this.required ? Optional.of("is required") : Optional.empty();
		}
		return this.type.accepts(value) ? Optional.empty() : Optional.of(this.type.expectation());
	}

}
