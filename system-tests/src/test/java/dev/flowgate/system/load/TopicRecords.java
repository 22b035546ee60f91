package dev.flowgate.system.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import dev.flowgate.contracts.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every record of a topic, read from the beginning by a plain consumer in the background
 * (no group, nothing committed) and kept by record key, as an operator with a console
 * consumer would look at it.
 */
public final class TopicRecords implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

	private final Map<String, List<JsonNode>> byKey = new ConcurrentHashMap<>();

	private final KafkaConsumer<String, String> consumer;

	private final Thread reader;

	private volatile boolean closed;

	private TopicRecords(KafkaConsumer<String, String> consumer, String topic) {
		this.consumer = consumer;
		this.reader = new Thread(this::readAll, "read-" + topic);
		this.reader.setDaemon(true);
	}

	public static TopicRecords read(String bootstrapServers, TopicSpec topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer());
		List<TopicPartition> partitions = IntStream.range(0, topic.partitions())
			.mapToObj((partition) -> new TopicPartition(topic.name(), partition))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		TopicRecords records = new TopicRecords(consumer, topic.name());
		records.reader.start();
		return records;
	}

	/** The records read so far with this key, in partition order. */
	public List<JsonNode> withKey(String key) {
		return List.copyOf(this.byKey.getOrDefault(key, List.of()));
	}

	/** Every key read so far, with its records. */
	public Map<String, List<JsonNode>> byKey() {
		return Map.copyOf(this.byKey);
	}

	@Override
	public void close() {
		this.closed = true;
		this.consumer.wakeup();
		try {
			this.reader.join(POLL_TIMEOUT.multipliedBy(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void readAll() {
		try (this.consumer) {
			while (!this.closed) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(POLL_TIMEOUT)) {
					this.byKey.computeIfAbsent(record.key(), (key) -> new CopyOnWriteArrayList<>())
						.add(JSON.readTree(record.value()));
				}
			}
		}
		catch (WakeupException ex) {
			// closed
		}
	}

}
