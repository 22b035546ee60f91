package dev.flowgate.gateway.domain.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.contracts.Topics;
import dev.flowgate.gateway.domain.Rejection;

/**
 * The gateway's in-memory copy of every API key (hashes only), fed from the compacted
 * keys topic, and the authentication against it.
 */
public final class KeyView {

	private final Map<String, LiveKey> byId = new ConcurrentHashMap<>();

	private final Map<String, String> idByHash = new ConcurrentHashMap<>();

	private final Clock clock;

	private final KeyDeletions deletions;

	/** Remembers deletions as long as the keys topic keeps tombstones. */
	public KeyView(Clock clock) {
		this(clock, Topics.KEYS.retention());
	}

	/**
	 * @param rememberDeletions how long a deleted key's version is kept, so that a late
	 * older state of it is ignored; as long as the topic keeps tombstones
	 */
	public KeyView(Clock clock, Duration rememberDeletions) {
		this.clock = clock;
		this.deletions = new KeyDeletions(clock, rememberDeletions);
	}

	/**
	 * Applies a state of a key unless a newer one (or the key's deletion) was applied
	 * already; {@code null} (a tombstone without a version) deletes it. A state without a
	 * version (from a producer before versions) always applies, as it did before them.
	 * @return whether it was applied
	 */
	public synchronized boolean apply(String keyId, KeyStateChanged state) {
		if (state == null) {
			delete(keyId, KeyStateChanged.UNKNOWN_VERSION);
			return true;
		}
		long applied = appliedVersion(keyId);
		if (state.version() != KeyStateChanged.UNKNOWN_VERSION && state.version() <= applied) {
			return false;
		}
		this.deletions.revived(keyId);
		replace(keyId, new LiveKey(state, Math.max(state.version(), applied)));
		return true;
	}

	/**
	 * Applies a tombstone. A deletion is final (key ids are never reused), so it always
	 * applies; its version is remembered for a while against a late older state.
	 * @param version the deletion's version, or {@code 0} when the tombstone has none
	 */
	public synchronized void delete(String keyId, long version) {
		this.deletions.deleted(keyId, Math.max(version, appliedVersion(keyId)));
		replace(keyId, null);
	}

	/** The highest version applied to the key, live or lately deleted (never both). */
	private long appliedVersion(String keyId) {
		LiveKey live = this.byId.get(keyId);
		return Math.max((live != null) ? live.version() : KeyStateChanged.UNKNOWN_VERSION,
				this.deletions.version(keyId));
	}

	private void replace(String keyId, LiveKey live) {
		LiveKey previous = (live != null) ? this.byId.put(keyId, live) : this.byId.remove(keyId);
		Set<String> hashes = (live != null) ? live.hashes() : Set.of();
		hashes.forEach((hash) -> this.idByHash.put(hash, keyId));
		if (previous != null) {
			// Only hashes the new state dropped, so a rotation never leaves a gap.
			previous.hashes()
				.stream()
				.filter((hash) -> !hashes.contains(hash))
				.forEach((hash) -> this.idByHash.remove(hash, keyId));
		}
	}

	public int size() {
		return this.byId.size();
	}

	/**
	 * The caller a presented key belongs to.
	 * @throws Rejection (401) for a missing, malformed, unknown, inactive, expired or
	 * rotated-out key
	 */
	public Caller authenticate(String presentedKey) {
		if (presentedKey == null || presentedKey.isEmpty()) {
			throw Rejection.unauthenticated("An API key is required (Authorization: Bearer, X-API-Key or api-key)");
		}
		if (!ApiKeyFormat.isWellFormed(presentedKey)) {
			throw Rejection.unauthenticated("The API key is malformed");
		}
		String hash = SecretHash.of(presentedKey);
		String keyId = this.idByHash.get(hash);
		LiveKey live = (keyId != null) ? this.byId.get(keyId) : null;
		if (live == null) {
			throw Rejection.unauthenticated("The API key is not valid");
		}
		KeyStateChanged key = live.state();
		Instant now = this.clock.instant();
		if (!isCurrentSecret(key, hash) && !isPreviousSecretInGrace(key, hash, now)) {
			throw Rejection.unauthenticated("The API key was rotated and its grace period is over");
		}
		if (key.status() != KeyStatus.ACTIVE) {
			throw Rejection.unauthenticated("The API key is inactive");
		}
		if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
			throw Rejection.unauthenticated("The API key has expired");
		}
		return new Caller(key.keyId(), key.ownerId(), key.scopes(), key.deploymentIds(), key.rateLimitPerMinute());
	}

	private static boolean isCurrentSecret(KeyStateChanged key, String hash) {
		return sameHash(key.secretHash(), hash);
	}

	private static boolean isPreviousSecretInGrace(KeyStateChanged key, String hash, Instant now) {
		return sameHash(key.previousSecretHash(), hash) && key.previousSecretValidUntil() != null
				&& now.isBefore(key.previousSecretValidUntil());
	}

	private static boolean sameHash(String stored, String presented) {
		return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
				presented.getBytes(StandardCharsets.US_ASCII));
	}

}
