package dev.flowgate.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The platform admin deleted an owner: every service erases what it keeps of the owner.
 * Key: {@code ownerId}. On a compacted topic and never followed by a tombstone, so a
 * service that was down, or a new consumer group, still learns of it; erasing twice is
 * harmless.
 */
public record OwnerDeleted(UUID eventId, int schemaVersion, Instant occurredAt,
		String ownerId) implements FlowgateEvent {

	public static final String TYPE = "owner.deleted";

	public static final int SCHEMA_VERSION = 1;

	@Override
	public String subjectId() {
		return this.ownerId;
	}

}
