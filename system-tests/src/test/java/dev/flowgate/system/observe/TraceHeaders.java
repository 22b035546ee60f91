package dev.flowgate.system.observe;

import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The trace ids in the W3C {@code traceparent} headers of topics' records, read from the
 * beginning by a plain consumer (no group) and kept by record key and topic.
 */
final class TraceHeaders implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(200);

	private final KafkaConsumer<String, String> consumer;

	private final Map<String, Map<String, List<String>>> byKey = new ConcurrentHashMap<>();

	private TraceHeaders(KafkaConsumer<String, String> consumer) {
		this.consumer = consumer;
	}

	static TraceHeaders read(String bootstrapServers, List<TopicSpec> topics) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer());
		List<TopicPartition> partitions = topics.stream()
			.flatMap((topic) -> IntStream.range(0, topic.partitions())
				.mapToObj((partition) -> new TopicPartition(topic.name(), partition)))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		return new TraceHeaders(consumer);
	}

	/**
	 * Reads what arrived since the last call, then the trace ids of this key's records by
	 * topic ({@code "none"} for a record without a {@code traceparent}).
	 */
	Map<String, List<String>> traceIds(String key) {
		for (ConsumerRecord<String, String> record : this.consumer.poll(POLL)) {
			this.byKey.computeIfAbsent(record.key(), (k) -> new ConcurrentHashMap<>())
				.computeIfAbsent(record.topic(), (t) -> new CopyOnWriteArrayList<>())
				.add(traceIdOf(record.headers().lastHeader("traceparent")));
		}
		return Map.copyOf(this.byKey.getOrDefault(key, Map.of()));
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	private static String traceIdOf(Header traceparent) {
		if (traceparent == null) {
			return "none";
		}
		String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
		return (parts.length == 4) ? parts[1] : "malformed";
	}

}
