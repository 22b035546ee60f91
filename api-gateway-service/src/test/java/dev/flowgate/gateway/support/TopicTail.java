package dev.flowgate.gateway.support;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.flowgate.contracts.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of every partition of a topic from its current end: it reads what comes
 * next.
 */
public final class TopicTail {

	private TopicTail() {
	}

	public static KafkaConsumer<String, String> open(String bootstrapServers, TopicSpec topic) {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = IntStream.range(0, topic.partitions())
			.mapToObj((partition) -> new TopicPartition(topic.name(), partition))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		// Resolved now, not at the first poll, so nothing written from here on is missed.
		partitions.forEach(consumer::position);
		return consumer;
	}

}
