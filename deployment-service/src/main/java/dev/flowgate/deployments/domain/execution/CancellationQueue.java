package dev.flowgate.deployments.domain.execution;

import java.time.Instant;

import dev.flowgate.contracts.ExecutionCancellationRequested;

/**
 * Durably queues an owner's request to stop an execution: once {@link #enqueue} returns,
 * the request is stored, recorded on the execution, and will be published even if this
 * service crashes before sending it. Only the first request for an execution stands.
 */
public interface CancellationQueue {

	/**
	 * @param request its {@code occurredAt} to the millisecond, as stored
	 * @return when the request that stands was made: this one's time, or an earlier one's
	 * that got in first
	 */
	Instant enqueue(ExecutionCancellationRequested request);

}
