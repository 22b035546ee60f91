package dev.flowgate.runner.domain.engine;

import java.time.Duration;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.runner.domain.node.NodeConfig;

/**
 * How long one attempt of a node may take and how often it is tried, from the node's
 * {@code timeoutSeconds} and {@code retry: {maxAttempts, backoffMillis}}.
 */
record NodePolicy(Duration timeout, int maxAttempts, Duration backoff) {

	private static final long MILLIS_PER_SECOND = 1000;

	static NodePolicy of(FlowNode node, Duration defaultTimeout) {
		NodeConfig config = new NodeConfig(node.config());
		Duration timeout = config.number("timeoutSeconds")
			.map((seconds) -> Duration.ofMillis(Math.round(seconds.doubleValue() * MILLIS_PER_SECOND)))
			.filter((duration) -> !duration.isNegative() && !duration.isZero())
			.orElse(defaultTimeout);
		NodeConfig retry = new NodeConfig(config.object("retry"));
		int maxAttempts = retry.number("maxAttempts").map(Number::intValue).filter((n) -> n >= 1).orElse(1);
		Duration backoff = retry.number("backoffMillis")
			.map((millis) -> Duration.ofMillis(millis.longValue()))
			.filter((duration) -> !duration.isNegative())
			.orElse(Duration.ZERO);
		return new NodePolicy(timeout, maxAttempts, backoff);
	}

}
