package dev.flowgate.contracts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A topic's name and settings.
 *
 * @param retention how long records are kept; for compacted topics, how long tombstones
 * are kept
 */
public record TopicSpec(String name, int partitions, boolean compacted, Duration retention) {

	/**
	 * The largest record every topic takes: above Kafka's default 1 MB, so that a trigger
	 * with a body at the gateway's 1 MiB limit fits, as does its result.
	 */
	public static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

	/** The topic-level configs to create the topic with. */
	public Map<String, String> configs() {
		Map<String, String> configs = new LinkedHashMap<>();
		if (this.compacted) {
			configs.put("cleanup.policy", "compact");
			configs.put("delete.retention.ms", Long.toString(this.retention.toMillis()));
		}
		else {
			configs.put("cleanup.policy", "delete");
			configs.put("retention.ms", Long.toString(this.retention.toMillis()));
		}
		configs.put("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
		return configs;
	}

}
