package dev.flowgate.runner.domain.node;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.runner.domain.template.TemplateScope;

/**
 * One attempt to run a node.
 *
 * @param scope the inputs and upstream outputs the node may refer to
 * @param cancellation where the attempt registers work to abort when it is called off
 */
public record NodeCall(FlowNode node, TemplateScope scope, CancellationScope cancellation) {

	public NodeConfig config() {
		return new NodeConfig(this.node.config());
	}

	public NodeCall withCancellation(CancellationScope attemptScope) {
		return new NodeCall(this.node, this.scope, attemptScope);
	}

}
