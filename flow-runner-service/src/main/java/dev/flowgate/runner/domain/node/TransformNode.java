package dev.flowgate.runner.domain.node;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.flowrules.NodeType;

/** Yields the value of a JSONata expression over the inputs and upstream outputs. */
public final class TransformNode implements NodeExecutor {

	private final JsonataExpressions expressions;

	public TransformNode(JsonataExpressions expressions) {
		this.expressions = expressions;
	}

	@Override
	public NodeType type() {
		return NodeType.TRANSFORM;
	}

	@Override
	public CompletableFuture<NodeResult> execute(NodeCall call) {
		Object value = this.expressions.evaluate(call.config().requiredText("expression"), call.scope().asData(),
				call.timeLimit());
		return CompletableFuture.completedFuture(NodeResult.of(value));
	}

	@Override
	public boolean retriesTimeouts() {
		return false;
	}

	@Override
	public boolean evaluates() {
		return true;
	}

}
