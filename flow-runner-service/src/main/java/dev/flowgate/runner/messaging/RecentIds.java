package dev.flowgate.runner.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last so many ids seen, oldest forgotten first. */
final class RecentIds {

	private final Map<String, Boolean> ids;

	RecentIds(int limit) {
		this.ids = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > limit;
			}

		};
	}

	synchronized void add(String id) {
		this.ids.put(id, Boolean.TRUE);
	}

	synchronized boolean contains(String id) {
		return this.ids.containsKey(id);
	}

}
