package dev.flowgate.gateway.domain.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.contracts.KeyStateChanged;

/**
 * The highest version the view applied for each key, and, for a while, that of each
 * deleted key. A state sent before a newer one can still land after it (a send that timed
 * out yet was written); it must not undo the newer one, least of all a deletion.
 */
final class KeyVersions {

	private static final long UNKNOWN = KeyStateChanged.UNKNOWN_VERSION;

	private final Map<String, Long> live = new HashMap<>();

	/** Oldest deletion first, so the ones to forget are at the head. */
	private final Map<String, Deletion> deleted = new LinkedHashMap<>();

	private final Clock clock;

	private final Duration rememberDeletions;

	KeyVersions(Clock clock, Duration rememberDeletions) {
		this.clock = clock;
		this.rememberDeletions = rememberDeletions;
	}

	/**
	 * Whether a state of this version is newer than anything applied; a state without a
	 * version (from a producer before versions) always is, as it was before them.
	 */
	boolean isNewer(String keyId, long version) {
		forgetOldDeletions();
		return version == UNKNOWN || version > highest(keyId);
	}

	void applied(String keyId, long version) {
		long highest = Math.max(version, highest(keyId));
		this.deleted.remove(keyId);
		this.live.put(keyId, highest);
	}

	void deleted(String keyId, long version) {
		forgetOldDeletions();
		long highest = Math.max(version, highest(keyId));
		this.live.remove(keyId);
		// Removed first, so that a repeated tombstone moves to the end of the order.
		this.deleted.remove(keyId);
		this.deleted.put(keyId, new Deletion(highest, this.clock.instant()));
	}

	private long highest(String keyId) {
		Long version = this.live.get(keyId);
		if (version != null) {
			return version;
		}
		Deletion deletion = this.deleted.get(keyId);
		return (deletion != null) ? deletion.version() : UNKNOWN;
	}

	/**
	 * Past the topic's tombstone retention a restarted gateway would not know the
	 * deletion either, so remembering it longer buys nothing.
	 */
	private void forgetOldDeletions() {
		Instant cutoff = this.clock.instant().minus(this.rememberDeletions);
		Iterator<Deletion> oldestFirst = this.deleted.values().iterator();
		while (oldestFirst.hasNext() && !oldestFirst.next().at().isAfter(cutoff)) {
			oldestFirst.remove();
		}
	}

	private record Deletion(long version, Instant at) {
	}

}
