package dev.flowgate.runner.messaging;

import java.time.Instant;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.runner.config.RunnerProperties;

import org.springframework.stereotype.Component;

/**
 * Executions whose cancellation came in a poll: a trigger dispatched from that poll (or
 * read again later) is stopped before its flow starts, so that after a takeover, or
 * behind a busy partition, a node with side effects does not run once more only to be
 * stopped a moment later.
 */
@Component
class CancellationsAhead {

	private final RecentIds<Instant> requests;

	CancellationsAhead(RunnerProperties properties) {
		this.requests = new RecentIds<>(properties.triggers().rememberedPerPartition());
	}

	void seen(ExecutionCancellationRequested request) {
		this.requests.put(request.executionId(), request.occurredAt());
	}

	/** When the execution's cancellation was requested, or {@code null} if not seen. */
	Instant requestedAt(String executionId) {
		return (executionId != null) ? this.requests.get(executionId) : null;
	}

}
