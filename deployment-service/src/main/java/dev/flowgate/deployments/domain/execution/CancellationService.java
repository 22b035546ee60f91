package dev.flowgate.deployments.domain.execution;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.deployments.domain.ConflictException;

/**
 * Takes an owner's request to stop an unfinished execution. The runner holding it stops
 * it and reports it {@code cancelled}; one that finishes first keeps its own result.
 */
public class CancellationService {

	private final ExecutionService executions;

	private final CancellationQueue queue;

	private final Clock clock;

	public CancellationService(ExecutionService executions, CancellationQueue queue, Clock clock) {
		this.executions = executions;
		this.queue = queue;
		this.clock = clock;
	}

	/**
	 * Queues the request, unless one was made before (that one stands), and returns the
	 * record with the time of the request that stands; its status is unchanged.
	 */
	public ExecutionRecord cancel(String ownerId, String executionId) {
		ExecutionRecord execution = this.executions.get(ownerId, executionId);
		if (execution.isFinished()) {
			throw new ConflictException(ConflictException.Kind.ALREADY_FINISHED,
					"Execution '%s' has already finished (%s)".formatted(executionId,
							execution.status().name().toLowerCase(Locale.ROOT)));
		}
		if (execution.cancelRequestedAt() != null) {
			return execution;
		}
		// MongoDB keeps milliseconds: the answer shows what a later read will.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant standing = this.queue.enqueue(
				new ExecutionCancellationRequested(UUID.randomUUID(), ExecutionCancellationRequested.SCHEMA_VERSION,
						now, executionId, execution.ownerId(), execution.deploymentId()));
		return execution.withCancelRequestedAt(standing);
	}

}
