package dev.flowgate.runner.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * On taking a trigger partition over, learns which of its uncommitted triggers already
 * have a result; on losing one, stops publishing for it before offsets are committed.
 */
@Component
class TriggerRebalanceListener implements ConsumerAwareRebalanceListener {

	private static final Logger logger = LoggerFactory.getLogger(TriggerRebalanceListener.class);

	private final CompletedResultScanner scanner;

	private final PartitionStates partitions;

	TriggerRebalanceListener(CompletedResultScanner scanner, PartitionStates partitions) {
		this.scanner = scanner;
		this.partitions = partitions;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
		if (assigned.isEmpty()) {
			return;
		}
		Map<TopicPartition, Long> firstUncommitted = new HashMap<>();
		assigned.forEach((partition) -> firstUncommitted.put(partition, consumer.position(partition)));
		this.scanner.publishedSince(firstUncommitted).forEach((partition, published) -> {
			this.partitions.assigned(partition, published);
			logger.info("Took over {} at offset {}; {} results published since then (less the skew margin)", partition,
					firstUncommitted.get(partition), published.size());
		});
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
		revoked.forEach(this.partitions::revoked);
	}

}
