package dev.flowgate.runner.domain.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.flowgate.contracts.TokenUsage;

/**
 * The attempts of one running node so far, and the LLM tokens of those that failed: what
 * its trace reports, also when the run ends while the node is still running.
 */
final class NodeAttempts {

	private final AtomicInteger started = new AtomicInteger();

	private final AtomicReference<TokenUsage> failedUsage = new AtomicReference<>(TokenUsage.NONE);

	void start() {
		this.started.incrementAndGet();
	}

	int count() {
		return this.started.get();
	}

	void addFailedUsage(TokenUsage used) {
		this.failedUsage.accumulateAndGet(used, TokenUsage::plus);
	}

	/** The tokens of the attempts that failed; those of a timed-out one are unknown. */
	TokenUsage failedUsage() {
		return this.failedUsage.get();
	}

}
