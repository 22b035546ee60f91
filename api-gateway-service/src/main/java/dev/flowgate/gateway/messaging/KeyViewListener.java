package dev.flowgate.gateway.messaging;

import java.nio.charset.StandardCharsets;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.gateway.domain.key.KeyView;
import dev.flowgate.gateway.domain.view.Readiness;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(KeyViewListener.class);

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
		if (record.value() == null) {
			this.keys.delete(record.key(), tombstoneVersion(record));
		}
		else if (!this.keys.apply(record.key(), (KeyStateChanged) record.value())) {
			log.info("Ignored a late state of key {} (version {}): a newer one or its deletion is applied",
					record.key(), ((KeyStateChanged) record.value()).version());
		}
		reached(record.partition(), record.offset() + 1);
	}

	/**
	 * A tombstone has no value: its version travels in a header, absent before versions.
	 */
	private static long tombstoneVersion(ConsumerRecord<String, FlowgateEvent> record) {
		Header header = record.headers().lastHeader(KeyStateChanged.VERSION_HEADER);
		if (header == null || header.value() == null) {
			return KeyStateChanged.UNKNOWN_VERSION;
		}
		try {
			return Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII));
		}
		catch (NumberFormatException ex) {
			return KeyStateChanged.UNKNOWN_VERSION;
		}
	}

}
