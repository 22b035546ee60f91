package dev.flowgate.contracts;

import java.time.Instant;
import java.util.UUID;

/** A runner began an execution. Key: {@code executionId}. */
public record ExecutionStarted(UUID eventId, int schemaVersion, Instant occurredAt, String executionId, String ownerId,
		String deploymentId, int flowVersion, String runnerId) implements FlowgateEvent {

	public static final String TYPE = "execution.started";

	public static final int SCHEMA_VERSION = 1;

	@Override
	public String subjectId() {
		return this.executionId;
	}

}
