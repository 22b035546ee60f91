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

	/**
	 * A compacted topic's segments roll at this size or {@link #COMPACTED_SEGMENT_AGE},
	 * whichever comes first: compaction cleans only rolled segments, and at Kafka's
	 * default 1 GiB a view topic would keep every state ever published (each carrying its
	 * flow), all of it read again by every gateway and runner that starts.
	 */
	public static final int COMPACTED_SEGMENT_BYTES = 64 * 1024 * 1024;

	public static final Duration COMPACTED_SEGMENT_AGE = Duration.ofHours(1);

	/** The topic-level configs to create the topic with. */
	public Map<String, String> configs() {
		Map<String, String> configs = new LinkedHashMap<>();
		if (this.compacted) {
			configs.put("cleanup.policy", "compact");
			configs.put("delete.retention.ms", Long.toString(this.retention.toMillis()));
			configs.put("segment.bytes", Integer.toString(COMPACTED_SEGMENT_BYTES));
			configs.put("segment.ms", Long.toString(COMPACTED_SEGMENT_AGE.toMillis()));
		}
		else {
			configs.put("cleanup.policy", "delete");
			configs.put("retention.ms", Long.toString(this.retention.toMillis()));
		}
		configs.put("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
		return configs;
	}

}
