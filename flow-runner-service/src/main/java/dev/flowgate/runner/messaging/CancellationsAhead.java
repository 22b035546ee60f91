package dev.flowgate.runner.messaging;

import org.springframework.stereotype.Component;

import dev.flowgate.runner.config.RunnerProperties;

/**
 * Executions whose cancellation came in a poll: a trigger dispatched from that poll (or
 * read again later) is stopped before its flow starts, so that after a takeover, or
 * behind a busy partition, a node with side effects does not run once more only to be
 * stopped a moment later.
 */
@Component
class CancellationsAhead {

	private final RecentIds ids;

	CancellationsAhead(RunnerProperties properties) {
		this.ids = new RecentIds(properties.triggers().rememberedPerPartition());
	}

	void seen(String executionId) {
		this.ids.add(executionId);
	}

	boolean isCancelled(String executionId) {
		return executionId != null && this.ids.contains(executionId);
	}

}
