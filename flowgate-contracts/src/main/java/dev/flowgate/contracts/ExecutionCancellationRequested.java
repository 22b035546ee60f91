package dev.flowgate.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner asked to stop an execution. Key: {@code executionId}. It travels on the
 * triggers' topic, behind the trigger it concerns in the same partition, so whichever
 * runner holds the trigger sees the request after it, even across a rebalance.
 */
public record ExecutionCancellationRequested(UUID eventId, int schemaVersion, Instant occurredAt, String executionId,
		String ownerId, String deploymentId) implements FlowgateEvent {

	public static final String TYPE = "execution.cancellation-requested";

	public static final int SCHEMA_VERSION = 1;

	@Override
	public String subjectId() {
		return this.executionId;
	}

}
