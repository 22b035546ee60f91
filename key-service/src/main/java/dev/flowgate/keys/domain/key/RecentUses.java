package dev.flowgate.keys.domain.key;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last use this instance wrote per key, so that a trigger within the resolution of it
 * costs no store command at all. The store's own condition still decides: another
 * instance may have written a later use.
 */
final class RecentUses {

	/**
	 * Keys remembered at most; beyond that the memory starts over (a few writes more).
	 */
	private static final int MAX_KEYS = 10_000;

	private final Map<String, Instant> written = new ConcurrentHashMap<>();

	private final Duration resolution;

	RecentUses(Duration resolution) {
		this.resolution = resolution;
	}

	/** Whether a use at this time could change what is stored. */
	boolean isNews(String keyId, Instant usedAt) {
		Instant last = this.written.get(keyId);
		// As the store's condition: only a use more than the resolution after the last.
		return last == null || usedAt.isAfter(last.plus(this.resolution));
	}

	void wrote(String keyId, Instant usedAt) {
		if (this.written.size() >= MAX_KEYS) {
			this.written.clear();
		}
		this.written.merge(keyId, usedAt, (a, b) -> a.isAfter(b) ? a : b);
	}

}
