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
 * @param version the key's version in key-service, higher for every change, so a reader
 * can tell a late older state from a newer one; {@value #UNKNOWN_VERSION} when absent
 * (records written before it existed)
 */
public record KeyStateChanged(UUID eventId, int schemaVersion, Instant occurredAt, String keyId, String ownerId,
		String name, String hint, String secretHash, String previousSecretHash, Instant previousSecretValidUntil,
		Set<KeyScope> scopes, Set<String> deploymentIds, Instant expiresAt, Integer rateLimitPerMinute,
		KeyStatus status, Long version) implements FlowgateEvent {

	public static final String TYPE = "key.state-changed";

	public static final int SCHEMA_VERSION = 1;

	/** The version of a record that carries none. */
	public static final long UNKNOWN_VERSION = 0;

	/**
	 * The record header that carries a tombstone's version (a tombstone has no value), as
	 * decimal ASCII.
	 */
	public static final String VERSION_HEADER = "flowgate-key-version";

	public KeyStateChanged {
		scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
		deploymentIds = (deploymentIds != null) ? Set.copyOf(deploymentIds) : Set.of();
		// Boxed so that a record without it reads (a missing primitive is an error).
		version = (version != null) ? version : UNKNOWN_VERSION;
	}

	/** A state without a version, as producers wrote it before versions existed. */
	public KeyStateChanged(UUID eventId, int schemaVersion, Instant occurredAt, String keyId, String ownerId,
			String name, String hint, String secretHash, String previousSecretHash, Instant previousSecretValidUntil,
			Set<KeyScope> scopes, Set<String> deploymentIds, Instant expiresAt, Integer rateLimitPerMinute,
			KeyStatus status) {
		this(eventId, schemaVersion, occurredAt, keyId, ownerId, name, hint, secretHash, previousSecretHash,
				previousSecretValidUntil, scopes, deploymentIds, expiresAt, rateLimitPerMinute, status,
				UNKNOWN_VERSION);
	}

	@Override
	public String subjectId() {
		return this.keyId;
	}

}
