package dev.flowgate.deployments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import dev.flowgate.infra.test.TestInfrastructure;

/** Reads a topic from the beginning to its current end, as raw JSON text. */
public final class TopicReader {

	private static final Duration POLL = Duration.ofMillis(200);

	private TopicReader() {
	}

	/** Every record of the topic so far, partition by partition. */
	public static List<ConsumerRecord<String, String>> readAll(String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(POLL).forEach(records::add);
			}
			return records;
		}
	}

	/** The records with this key, oldest first. */
	public static List<ConsumerRecord<String, String>> readKey(String topic, String key) {
		return readAll(topic).stream().filter((record) -> key.equals(record.key())).toList();
	}

	/** The latest value of a key on a compacted topic; {@code null} for a tombstone. */
	public static JsonNode latestValue(String topic, String key) {
		List<ConsumerRecord<String, String>> records = readKey(topic, key);
		String value = records.get(records.size() - 1).value();
		return (value != null) ? ApiClient.JSON.readTree(value) : null;
	}

}
