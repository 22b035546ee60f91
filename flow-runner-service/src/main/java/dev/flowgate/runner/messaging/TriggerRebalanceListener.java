package dev.flowgate.runner.messaging;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * A partition taken over holds its triggers back until it is known which already have a
 * result; one lost or revoked stops publishing before its offsets are committed.
 */
@Component
class TriggerRebalanceListener implements ConsumerAwareRebalanceListener {

	private final PartitionStates partitions;

	TriggerRebalanceListener(PartitionStates partitions) {
		this.partitions = partitions;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
		assigned.forEach(this.partitions::assigned);
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
