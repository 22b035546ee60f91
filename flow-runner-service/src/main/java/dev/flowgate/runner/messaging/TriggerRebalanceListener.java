package dev.flowgate.runner.messaging;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * A partition taken over holds its triggers back until it is known which already have a
 * result. One given up by a healthy runner lets its executions in flight finish and
 * publish first (within the drain bound); one lost stops publishing at once. Either way
 * nothing is published for it once its offsets are committed.
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

	/**
	 * The runner stops, or a runner joined or left the group: a rolling update must not
	 * run the flows in flight twice, most of which end within seconds. The container
	 * commits what they acknowledged right after.
	 */
	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
		this.partitions.drain(revoked);
	}

	@Override
	public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
		this.partitions.released(revoked);
	}

	/**
	 * Another runner may own them already: publishing for them would double results. The
	 * container then revokes them as well, finding nothing left to drain.
	 */
	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
		lost.forEach(this.partitions::revoked);
	}

}
