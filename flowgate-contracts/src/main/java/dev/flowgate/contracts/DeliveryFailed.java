package dev.flowgate.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery that exhausted its attempts; the delivery dead-letter record. Key:
 * {@code deliveryId}.
 */
public record DeliveryFailed(UUID eventId, int schemaVersion, Instant occurredAt, String deliveryId, String executionId,
		String ownerId, String deploymentId, DeliveryChannel channel, String destination, int attempts,
		String lastError) implements FlowgateEvent {

	public static final String TYPE = "delivery.failed";

	public static final int SCHEMA_VERSION = 1;

	@Override
	public String subjectId() {
		return this.deliveryId;
	}

}
