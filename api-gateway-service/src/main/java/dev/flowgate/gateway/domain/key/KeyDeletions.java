package dev.flowgate.gateway.domain.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.contracts.KeyStateChanged;

/**
 * For a while, the version each deleted key had. A state sent before the deletion can
 * still land after it (a send that timed out yet was written); it must not bring the key
 * back. Live keys' versions are {@link KeyView}'s.
 */
final class KeyDeletions {

	/** Oldest deletion first, so the ones to forget are at the head. */
	private final Map<String, Deletion> byKeyId = new LinkedHashMap<>();

	private final Clock clock;

	private final Duration retention;

	KeyDeletions(Clock clock, Duration retention) {
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * The version of the key's deletion, or {@link KeyStateChanged#UNKNOWN_VERSION} when
	 * it was not deleted lately.
	 */
	long version(String keyId) {
		forgetOld();
		Deletion deletion = this.byKeyId.get(keyId);
		return (deletion != null) ? deletion.version() : KeyStateChanged.UNKNOWN_VERSION;
	}

	void deleted(String keyId, long version) {
		forgetOld();
		// Removed first, so that a repeated tombstone moves to the end of the order.
		this.byKeyId.remove(keyId);
		this.byKeyId.put(keyId, new Deletion(version, this.clock.instant()));
	}

	/** The key lives again: a state newer than its deletion (or without a version). */
	void revived(String keyId) {
		this.byKeyId.remove(keyId);
	}

	/**
	 * Past the topic's tombstone retention a restarted gateway would not know the
	 * deletion either, so remembering it longer buys nothing.
	 */
	private void forgetOld() {
		Instant cutoff = this.clock.instant().minus(this.retention);
		Iterator<Deletion> oldestFirst = this.byKeyId.values().iterator();
		while (oldestFirst.hasNext() && !oldestFirst.next().at().isAfter(cutoff)) {
			oldestFirst.remove();
		}
	}

	private record Deletion(long version, Instant at) {
	}

}
