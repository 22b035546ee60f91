package dev.flowgate.keys.domain.key;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.keys.domain.InvalidRequestException;

/**
 * An owner's API key. Every change yields a copy with the next {@code version}; a deleted
 * key stays (flagged) until the topic no longer keeps its tombstone.
 *
 * @param lastUsedAt when a trigger last used the key, at a coarse resolution
 * @param rotatedAt when the secret was last replaced, or {@code null}
 */
public record ApiKey(String id, String ownerId, String name, KeyCredential credential, KeyPermissions permissions,
		KeyStatus status, Instant createdAt, Instant lastUsedAt, Instant rotatedAt, long version, boolean deleted) {

	static final long FIRST_VERSION = 1;

	public static ApiKey issue(String id, String ownerId, KeyRequest request, KeySecret secret, Instant now) {
		Instant expiresAt = request.permissions().expiresAt();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new InvalidRequestException("expiresAt", "must be in the future");
		}
		return new ApiKey(id, ownerId, request.name(), KeyCredential.of(secret), request.permissions(),
				KeyStatus.ACTIVE, now, null, null, FIRST_VERSION, false);
	}

	public boolean isExpiredAt(Instant now) {
		return this.permissions.isExpiredAt(now);
	}

	/** Deactivating an inactive key changes nothing. */
	public ApiKey deactivate() {
		return withStatus(KeyStatus.INACTIVE);
	}

	/** Activating an active key changes nothing. */
	public ApiKey activate() {
		return withStatus(KeyStatus.ACTIVE);
	}

	/**
	 * The key with the owner's changes to its name and permissions; itself when they
	 * change nothing.
	 */
	public ApiKey change(KeyChanges changes, Instant now) {
		KeyPermissions current = this.permissions;
		KeyRequest renamed = KeyRequest.checked(keep(changes.name(), this.name),
				() -> new KeyPermissions(keep(changes.scopes(), current.scopes()),
						keep(changes.deploymentIds(), current.deploymentIds()),
						changes.expiresAt().applyTo(current.expiresAt()),
						changes.rateLimitPerMinute().applyTo(current.rateLimitPerMinute())));
		KeyPermissions next = renamed.permissions();
		if (renamed.name().equals(this.name) && next.equals(current)) {
			return this;
		}
		if (next.expiresAt() != null && !next.expiresAt().equals(current.expiresAt())
				&& !next.expiresAt().isAfter(now)) {
			throw new InvalidRequestException("expiresAt", "must be in the future");
		}
		return new ApiKey(this.id, this.ownerId, renamed.name(), this.credential, next, this.status, this.createdAt,
				this.lastUsedAt, this.rotatedAt, this.version + 1, false);
	}

	/**
	 * A new secret; scopes, deployments, expiry and status stay. For the grace period the
	 * current secret keeps working, or the previous one instead if {@code keepPrevious}
	 * (see {@link KeyCredential}).
	 */
	public ApiKey rotate(KeySecret next, Duration gracePeriod, Instant now, boolean keepPrevious) {
		return new ApiKey(this.id, this.ownerId, this.name,
				this.credential.rotateTo(next, gracePeriod, now, keepPrevious), this.permissions, this.status,
				this.createdAt, this.lastUsedAt, now, this.version + 1, false);
	}

	public ApiKey delete() {
		return new ApiKey(this.id, this.ownerId, this.name, this.credential, this.permissions, this.status,
				this.createdAt, this.lastUsedAt, this.rotatedAt, this.version + 1, true);
	}

	private static <T> T keep(T change, T current) {
		return (change != null) ? change : current;
	}

	private ApiKey withStatus(KeyStatus next) {
		if (next == this.status) {
			return this;
		}
		return new ApiKey(this.id, this.ownerId, this.name, this.credential, this.permissions, next, this.createdAt,
				this.lastUsedAt, this.rotatedAt, this.version + 1, false);
	}

}
