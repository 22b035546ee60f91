package dev.flowgate.runner.domain.node;

import java.time.Duration;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.runner.domain.template.TemplateScope;

/**
 * One attempt to run a node.
 *
 * @param scope the inputs and upstream outputs the node may refer to
 * @param cancellation where the attempt registers work to abort when it is called off
 * @param timeLimit the most the attempt may take (its node's timeout), for work that
 * bounds itself; {@code null} until an attempt starts
 */
public record NodeCall(FlowNode node, TemplateScope scope, CancellationScope cancellation, Duration timeLimit) {

	public NodeCall(FlowNode node, TemplateScope scope, CancellationScope cancellation) {
		this(node, scope, cancellation, null);
	}

	public NodeConfig config() {
		return new NodeConfig(this.node.config());
	}

	public NodeCall forAttempt(CancellationScope attemptScope, Duration attemptLimit) {
		return new NodeCall(this.node, this.scope, attemptScope, attemptLimit);
	}

}
