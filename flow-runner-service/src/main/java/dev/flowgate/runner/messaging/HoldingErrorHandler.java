package dev.flowgate.runner.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;

/**
 * The trigger listener's error handler. A trigger that failed before the listener got it
 * (one that cannot be decoded) is held back like the listener holds back the others while
 * its partition's earlier results are not known: recovered then, its result could be a
 * second one, and the handler's usual seek past the triggers held before it would lose
 * them.
 */
class HoldingErrorHandler extends DefaultErrorHandler {

	private final PartitionStates partitions;

	HoldingErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff, PartitionStates partitions) {
		super(recoverer, backOff);
		this.partitions = partitions;
	}

	@Override
	public void handleRemaining(Exception thrownException, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
			MessageListenerContainer container) {
		ConsumerRecord<?, ?> failed = records.get(0);
		if (Topics.EXECUTIONS_REQUESTED.name().equals(failed.topic()) && this.partitions
			.holdsBack(this.partitions.of(failed.topic(), failed.partition()), failed, consumer)) {
			seekOthersBack(records, new TopicPartition(failed.topic(), failed.partition()), consumer);
			return;
		}
		super.handleRemaining(thrownException, records, consumer, container);
	}

	/** The rest of the poll comes again, as after any failure. */
	private static void seekOthersBack(List<ConsumerRecord<?, ?>> records, TopicPartition held,
			Consumer<?, ?> consumer) {
		Map<TopicPartition, Long> firstOffsets = new HashMap<>();
		for (ConsumerRecord<?, ?> record : records) {
			firstOffsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
		}
		firstOffsets.remove(held);
		firstOffsets.forEach(consumer::seek);
	}

}
