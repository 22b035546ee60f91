package dev.flowgate.runner.messaging;

import java.util.Collection;

import dev.flowgate.runner.messaging.TakeoverScans.Takeover;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Holds a partition's triggers back, once taken over, until it is known which already
 * have a result; stops publishing for a partition lost before its offsets are committed.
 */
@Component
class TriggerRebalanceListener implements ConsumerAwareRebalanceListener {

	private final TakeoverScans scans;

	private final PartitionStates partitions;

	TriggerRebalanceListener(TakeoverScans scans, PartitionStates partitions) {
		this.scans = scans;
		this.partitions = partitions;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
		if (!assigned.isEmpty()) {
			this.scans.start(assigned.stream()
				.map((partition) -> new Takeover(partition, consumer.position(partition),
						this.partitions.assigned(partition)))
				.toList());
		}
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
		revoked.forEach(this.partitions::revoked);
	}

	/** Another runner may own them already: publishing for them would double results. */
	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
		lost.forEach(this.partitions::revoked);
	}

}
