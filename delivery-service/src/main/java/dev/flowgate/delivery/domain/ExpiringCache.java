package dev.flowgate.delivery.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Keeps loaded values for a short while, so a hot path reads the store once per key and
 * period rather than on every use. Invalidating a key waits for a load of it in progress
 * and drops what it loaded, so a change made in this process is seen at once.
 *
 * @param <K> the key
 * @param <V> the value, never {@code null}
 */
public final class ExpiringCache<K, V> {

	/** Bounds memory; past it, expired entries go, and if that is not enough, all. */
	private static final int MAX_ENTRIES = 10_000;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final Clock clock;

	public ExpiringCache(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
	}

	/** The value loaded less than the time to live ago, or a freshly loaded one. */
	public V get(K key, Function<K, V> loader) {
		Instant now = this.clock.instant();
		Entry<V> entry = this.entries.get(key);
		if (entry != null && entry.freshAt(now)) {
			return entry.value();
		}
		if (this.entries.size() >= MAX_ENTRIES) {
			evict(now);
		}
		return this.entries.compute(key, (k, current) -> (current != null && current.freshAt(now)) ? current
				: new Entry<>(loader.apply(k), now.plus(this.ttl)))
			.value();
	}

	/** Forgets the key; the next {@link #get} loads it again. */
	public void invalidate(K key) {
		this.entries.remove(key);
	}

	/**
	 * Forgets every key that matches; a load in progress of a key not cached yet may
	 * still keep what it read, for one time to live.
	 */
	public void invalidateIf(Predicate<K> matches) {
		this.entries.keySet().removeIf(matches);
	}

	private void evict(Instant now) {
		this.entries.values().removeIf((entry) -> !entry.freshAt(now));
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
	}

	private record Entry<V>(V value, Instant expiresAt) {

		boolean freshAt(Instant now) {
			return now.isBefore(this.expiresAt);
		}

	}

}
