package dev.flowgate.runner.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last so many ids seen, each with what was noted of it, oldest forgotten first. */
final class RecentIds<V> {

	private final Map<String, V> ids;

	RecentIds(int limit) {
		this.ids = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > limit;
			}

		};
	}

	synchronized void put(String id, V noted) {
		this.ids.put(id, noted);
	}

	synchronized boolean contains(String id) {
		return this.ids.containsKey(id);
	}

	/**
	 * What was noted of {@code id}, or {@code null} when it was not seen (or forgotten).
	 */
	synchronized V get(String id) {
		return this.ids.get(id);
	}

}
