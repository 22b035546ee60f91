package dev.flowgate.contracts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The full current state of one API key, on a compacted topic (a tombstone when deleted).
 * Key: {@code keyId}. It carries only hashes, never a secret.
 *
 * @param secretHash hex SHA-256 of the full key
 * @param previousSecretHash the hash that still works during a rotation's grace period,
 * or {@code null}
 * @param previousSecretValidUntil end of that grace period, or {@code null}
 * @param deploymentIds the deployments the key may trigger; empty means all of the
 * owner's
 * @param rateLimitPerMinute requests per minute, or {@code null} for no limit
 */
public record KeyStateChanged(UUID eventId, int schemaVersion, Instant occurredAt, String keyId, String ownerId,
		String name, String hint, String secretHash, String previousSecretHash, Instant previousSecretValidUntil,
		Set<KeyScope> scopes, Set<String> deploymentIds, Instant expiresAt, Integer rateLimitPerMinute,
		KeyStatus status) implements FlowgateEvent {

	public static final String TYPE = "key.state-changed";

	public static final int SCHEMA_VERSION = 1;

	public KeyStateChanged {
		scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
		deploymentIds = (deploymentIds != null) ? Set.copyOf(deploymentIds) : Set.of();
	}

	@Override
	public String subjectId() {
		return this.keyId;
	}

}
