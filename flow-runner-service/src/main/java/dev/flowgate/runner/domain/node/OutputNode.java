package dev.flowgate.runner.domain.node;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.flowrules.NodeType;
import dev.flowgate.runner.domain.template.Templates;

/** Renders its value template; the execution reports it as {@code outputs[name]}. */
public final class OutputNode implements NodeExecutor {

	private final Templates templates;

	public OutputNode(Templates templates) {
		this.templates = templates;
	}

	@Override
	public NodeType type() {
		return NodeType.OUTPUT;
	}

	@Override
	public CompletableFuture<NodeResult> execute(NodeCall call) {
		Object value = this.templates.deep(call.config().raw("value"), call.scope());
		return CompletableFuture.completedFuture(NodeResult.of(value));
	}

	/** The output's name, which defaults to the node id. */
	public static String nameOf(FlowNode node) {
		return new NodeConfig(node.config()).text("name", node.id());
	}

	@Override
	public boolean isImmediate() {
		return true;
	}

}
