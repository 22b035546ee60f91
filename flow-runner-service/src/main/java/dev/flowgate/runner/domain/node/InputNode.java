package dev.flowgate.runner.domain.node;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.flowrules.InputType;
import dev.flowgate.flowrules.NodeType;

/**
 * Yields the trigger's input of the node's name, checked against the node's type; an
 * absent optional input is null.
 */
public final class InputNode implements NodeExecutor {

	@Override
	public NodeType type() {
		return NodeType.INPUT;
	}

	@Override
	public CompletableFuture<NodeResult> execute(NodeCall call) {
		String name = nameOf(call.node());
		Object value = call.scope().inputs().get(name);
		if (value == null && call.config().flag("required")) {
			throw NodeFailedException.permanent("the required input '%s' is missing".formatted(name));
		}
		// The gateway checked the inputs against the version deployed then; a redeploy
		// since may have changed the type.
		InputType type = InputType.of(call.config().text("inputType", InputType.TEXT.token())).orElse(InputType.JSON);
		if (value != null && !type.accepts(value)) {
			throw NodeFailedException.permanent("the input '%s' %s".formatted(name, type.expectation()));
		}
		return CompletableFuture.completedFuture(NodeResult.of(value));
	}

	/** The input's name, which defaults to the node id. */
	public static String nameOf(FlowNode node) {
		return new NodeConfig(node.config()).text("name", node.id());
	}

	@Override
	public boolean isImmediate() {
		return true;
	}

}
