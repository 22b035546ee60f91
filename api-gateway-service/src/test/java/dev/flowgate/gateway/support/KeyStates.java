package dev.flowgate.gateway.support;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.contracts.KeyStatus;

/** Builds {@link KeyStateChanged} events as key-service would publish them. */
public final class KeyStates {

	private final String keyId;

	private final String ownerId;

	private String secretHash;

	private String previousSecretHash;

	private Instant previousSecretValidUntil;

	private Set<KeyScope> scopes = Set.of(KeyScope.RUN, KeyScope.MANAGE);

	private Set<String> deploymentIds = Set.of();

	private Instant expiresAt;

	private Integer rateLimitPerMinute;

	private KeyStatus status = KeyStatus.ACTIVE;

	private KeyStates(String keyId, String ownerId, String key) {
		this.keyId = keyId;
		this.ownerId = ownerId;
		this.secretHash = TestKeys.hash(key);
	}

	/**
	 * An active key of {@code ownerId} with both scopes, for all deployments, unlimited.
	 */
	public static KeyStates active(String ownerId, String key) {
		return new KeyStates(UUID.randomUUID().toString(), ownerId, key);
	}

	public String keyId() {
		return this.keyId;
	}

	public KeyStates scopes(KeyScope... scopes) {
		this.scopes = Set.of(scopes);
		return this;
	}

	public KeyStates deployments(String... deploymentIds) {
		this.deploymentIds = Set.of(deploymentIds);
		return this;
	}

	public KeyStates status(KeyStatus status) {
		this.status = status;
		return this;
	}

	public KeyStates expiresAt(Instant expiresAt) {
		this.expiresAt = expiresAt;
		return this;
	}

	public KeyStates rateLimitPerMinute(Integer perMinute) {
		this.rateLimitPerMinute = perMinute;
		return this;
	}

	/**
	 * Rotates to {@code newKey}; the current secret keeps working until {@code graceEnd}.
	 */
	public KeyStates rotatedTo(String newKey, Instant graceEnd) {
		this.previousSecretHash = this.secretHash;
		this.previousSecretValidUntil = graceEnd;
		this.secretHash = TestKeys.hash(newKey);
		return this;
	}

	public KeyStateChanged build() {
		return new KeyStateChanged(UUID.randomUUID(), KeyStateChanged.SCHEMA_VERSION, Instant.now(), this.keyId,
				this.ownerId, "test key", "sk-…", this.secretHash, this.previousSecretHash,
				this.previousSecretValidUntil, this.scopes, this.deploymentIds, this.expiresAt, this.rateLimitPerMinute,
				this.status);
	}

}
