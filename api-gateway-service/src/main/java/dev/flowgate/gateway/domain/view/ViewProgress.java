package dev.flowgate.gateway.domain.view;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far a view has read its compacted topic, against the end offsets seen at start: the
 * view is complete once every partition's position reached its end offset.
 */
public final class ViewProgress {

	private final Map<Integer, Long> positions = new ConcurrentHashMap<>();

	private volatile Map<Integer, Long> endOffsetsAtStart;

	private volatile boolean caughtUp;

	public void expect(Map<Integer, Long> endOffsets) {
		this.endOffsetsAtStart = Map.copyOf(endOffsets);
	}

	/**
	 * Records that the view's consumer is at {@code position} (the next offset to read).
	 */
	public void reached(int partition, long position) {
		this.positions.merge(partition, position, Math::max);
	}

	public boolean caughtUp() {
		if (!this.caughtUp) {
			Map<Integer, Long> expected = this.endOffsetsAtStart;
			// Once caught up, later lag is normal streaming, not a reason to stop
			// serving.
			this.caughtUp = expected != null && expected.entrySet()
				.stream()
				.allMatch((end) -> this.positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
		}
		return this.caughtUp;
	}

}
