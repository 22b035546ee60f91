package dev.flowgate.contracts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A trigger the gateway accepted (Kafka acknowledged it). Key: {@code executionId}.
 *
 * @param flowVersion the version the gateway saw deployed when it accepted the trigger
 * @param keyId the API key that triggered it ({@code null} for replays)
 * @param replyTo the gateway instance holding a waiting sync call, or {@code null}
 * @param deadline when the execution must have finished, after which it counts as timed
 * out
 * @param callbackUrl a per-call override of the deployment's callback URL, or
 * {@code null}
 * @param replayOf the execution this one replays, or {@code null}
 * @param inputsDigest with an {@code idempotencyKey}, a digest of the inputs that the
 * same inputs always give (however their JSON was written), and of the call's own
 * callback URL if it gave one, so that a repeat can be told from a key reused with other
 * inputs or another callback without the inputs themselves; else {@code null}
 */
public record ExecutionRequested(UUID eventId, int schemaVersion, Instant occurredAt, String executionId,
		String ownerId, String deploymentId, int flowVersion, String keyId, TriggerSource source, DeploymentMode mode,
		Map<String, Object> inputs, String replyTo, Instant deadline, String callbackUrl, String replayOf,
		String idempotencyKey, String inputsDigest) implements FlowgateEvent {

	public static final String TYPE = "execution.requested";

	public static final int SCHEMA_VERSION = 1;

	public ExecutionRequested {
		// Inputs are client JSON, so null values are legitimate (Map.copyOf would reject
		// them).
		inputs = (inputs != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(inputs)) : Map.of();
	}

	@Override
	public String subjectId() {
		return this.executionId;
	}

}
