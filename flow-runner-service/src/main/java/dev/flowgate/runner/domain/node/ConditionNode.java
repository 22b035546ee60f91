package dev.flowgate.runner.domain.node;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.flowrules.NodeType;

/**
 * Evaluates a JSONata expression to {@code {result}}; the engine then follows the edges
 * whose branch matches.
 */
public final class ConditionNode implements NodeExecutor {

	public static final String RESULT = "result";

	private final JsonataExpressions expressions;

	public ConditionNode(JsonataExpressions expressions) {
		this.expressions = expressions;
	}

	@Override
	public NodeType type() {
		return NodeType.CONDITION;
	}

	@Override
	public CompletableFuture<NodeResult> execute(NodeCall call) {
		Object value = this.expressions.evaluate(call.config().requiredText("expression"), call.scope().asData(),
				call.timeLimit());
		return CompletableFuture.completedFuture(NodeResult.of(Map.of(RESULT, this.expressions.isTruthy(value))));
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
