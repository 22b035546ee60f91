package dev.flowgate.contracts;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Trigger calls one gateway replica refused for a deployment over a short span, counted
 * by reason. Only refusals that can be told apart from a stranger's are counted: the
 * caller's key was valid and the deployment its owner's. Key: {@code deploymentId}.
 *
 * @param counts refused calls by reason ({@code invalid_input}, {@code rate_limited},
 * {@code forbidden}, {@code unavailable}, ...), each more than zero
 */
public record TriggersRejected(UUID eventId, int schemaVersion, Instant occurredAt, String ownerId, String deploymentId,
		Instant from, Instant to, Map<String, Long> counts) implements FlowgateEvent {

	public static final String TYPE = "triggers.rejected";

	public static final int SCHEMA_VERSION = 1;

	public TriggersRejected {
		counts = (counts != null) ? Collections.unmodifiableMap(new TreeMap<>(counts)) : Map.of();
	}

	@Override
	public String subjectId() {
		return this.deploymentId;
	}

}
