package dev.flowgate.gateway.messaging;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.gateway.domain.key.KeyView;
import dev.flowgate.gateway.domain.view.Readiness;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Feeds the key view: every partition of the compacted keys topic from the beginning,
 * without a consumer group, so every replica holds every key.
 */
@Component
class KeyViewListener extends ViewPositions {

	private final KeyView keys;

	KeyViewListener(KeyView keys, Readiness readiness) {
		super(readiness.keys());
		this.keys = keys;
	}

	@KafkaListener(id = "gateway-key-view", idIsGroup = false,
			topicPartitions = @TopicPartition(topic = ListenedTopics.KEYS,
					partitionOffsets = @PartitionOffset(partition = ListenedTopics.KEYS_PARTITIONS, initialOffset = "0",
							seekPosition = "BEGINNING")))
	void onKeyState(ConsumerRecord<String, FlowgateEvent> record) {
		this.keys.apply(record.key(), (KeyStateChanged) record.value());
		reached(record.partition(), record.offset() + 1);
	}

}
