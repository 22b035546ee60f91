package dev.flowgate.keys.domain.key;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each key's last use current from the triggers, at a coarse resolution: a use is
 * stored only when the stored one is older, which spares the store a write per trigger.
 * The uses this instance wrote are remembered, so that a trigger within the resolution of
 * one costs no store command at all; the store's own condition still decides, as another
 * instance may have written a later use.
 */
public class LastUseRecorder {

	/**
	 * Keys remembered at most; beyond that the memory starts over (a few writes more).
	 */
	private static final int MAX_KEYS = 10_000;

	private final KeyStore store;

	private final Duration resolution;

	private final Map<String, Instant> written = new ConcurrentHashMap<>();

	/**
	 * @param resolution a key's last use is stored only once it is older than this
	 */
	public LastUseRecorder(KeyStore store, Duration resolution) {
		this.store = store;
		this.resolution = resolution;
	}

	/**
	 * Records a trigger by the key; unknown keys (and replays, without one) are ignored.
	 */
	public void record(String keyId, Instant usedAt) {
		if (keyId == null || usedAt == null) {
			return;
		}
		// MongoDB keeps milliseconds.
		Instant at = usedAt.truncatedTo(ChronoUnit.MILLIS);
		if (isNews(keyId, at)) {
			this.store.recordUse(keyId, at, at.minus(this.resolution));
			wrote(keyId, at);
		}
	}

	/** Whether a use at this time could change what is stored. */
	private boolean isNews(String keyId, Instant usedAt) {
		Instant last = this.written.get(keyId);
		// As the store's condition: only a use more than the resolution after the last.
		return last == null || usedAt.isAfter(last.plus(this.resolution));
	}

	private void wrote(String keyId, Instant usedAt) {
		if (this.written.size() >= MAX_KEYS) {
			this.written.clear();
		}
		this.written.merge(keyId, usedAt, (a, b) -> a.isAfter(b) ? a : b);
	}

}
