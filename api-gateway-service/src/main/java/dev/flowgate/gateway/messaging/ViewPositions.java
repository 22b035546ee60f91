package dev.flowgate.gateway.messaging;

import java.util.Map;

import dev.flowgate.gateway.domain.view.ViewProgress;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Reports a view consumer's positions on assignment and whenever it is idle, so a view
 * whose topic ends in a compacted-away gap (or is empty) still counts as caught up.
 */
abstract class ViewPositions implements ConsumerSeekAware {

	private final ViewProgress progress;

	ViewPositions(ViewProgress progress) {
		this.progress = progress;
	}

	void reached(int partition, long nextOffset) {
		this.progress.reached(partition, nextOffset);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		assignments.forEach((partition, position) -> this.progress.reached(partition.partition(), position));
	}

	@Override
	public void onIdleContainer(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		assignments.forEach((partition, position) -> this.progress.reached(partition.partition(), position));
	}

}
