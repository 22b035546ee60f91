package dev.flowgate.gateway.domain.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.flowgate.apikeys.ApiKeyFormat;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.contracts.Topics;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.view.AppliedWaiters;

/**
 * The gateway's in-memory copy of every API key (hashes only), fed from the compacted
 * keys topic, and the authentication against it.
 */
public final class KeyView {

	private final Map<String, LiveKey> byId = new ConcurrentHashMap<>();

	private final Map<String, String> idByHash = new ConcurrentHashMap<>();

	private final Clock clock;

	private final KeyDeletions deletions;

	private final AppliedWaiters<KeyStateChanged> waiters = new AppliedWaiters<>();

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
	public boolean apply(String keyId, KeyStateChanged state) {
		if (state == null) {
			delete(keyId, KeyStateChanged.UNKNOWN_VERSION);
			return true;
		}
		boolean applied = applyInOrder(keyId, state);
		if (applied) {
			// Outside the lock: the waiting calls' answers go on from here.
			this.waiters.applied(keyId, current(keyId));
		}
		return applied;
	}

	private synchronized boolean applyInOrder(String keyId, KeyStateChanged state) {
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
	public void delete(String keyId, long version) {
		synchronized (this) {
			this.deletions.deleted(keyId, Math.max(version, appliedVersion(keyId)));
			replace(keyId, null);
		}
		this.waiters.applied(keyId, current(keyId));
	}

	/**
	 * Waits until the view holds the key as {@code expected}, for a management call that
	 * changed it to answer once a call through this replica sees the change.
	 * @return completes with {@code true} once it does, {@code false} when
	 * {@code timeout} passed first (or too many calls wait already)
	 */
	public CompletableFuture<Boolean> awaitApplied(ExpectedKey expected, Duration timeout) {
		return this.waiters.await(expected.keyId(), expected::metBy, () -> current(expected.keyId()), timeout);
	}

	/** As {@link #awaitApplied}, until the view no longer holds the key. */
	public CompletableFuture<Boolean> awaitDeleted(String keyId, Duration timeout) {
		return this.waiters.await(keyId, (state) -> state == null, () -> current(keyId), timeout);
	}

	private KeyStateChanged current(String keyId) {
		LiveKey live = this.byId.get(keyId);
		return (live != null) ? live.state() : null;
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
		String hash = ApiKeyFormat.hash(presentedKey);
		String keyId = this.idByHash.get(hash);
		LiveKey live = (keyId != null) ? this.byId.get(keyId) : null;
		if (live == null) {
			throw Rejection.unauthenticated("The API key is not valid");
		}
		KeyStateChanged key = live.state();
		Instant now = this.clock.instant();
		boolean current = isCurrentSecret(key, hash);
		if (!current && !isPreviousSecretInGrace(key, hash, now)) {
			throw Rejection.unauthenticated("The API key was rotated and its grace period is over");
		}
		if (key.status() != KeyStatus.ACTIVE) {
			throw Rejection.unauthenticated("The API key is inactive");
		}
		if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
			throw Rejection.unauthenticated("The API key has expired");
		}
		return new Caller(key.keyId(), key.ownerId(), key.scopes(), key.deploymentIds(), key.rateLimitPerMinute(),
				!current);
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
