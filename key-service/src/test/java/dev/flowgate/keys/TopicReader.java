package dev.flowgate.keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from the beginning as a plain Kafka client would, keeping the raw JSON of
 * every record.
 */
public final class TopicReader implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(100);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final KafkaConsumer<String, String> consumer;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

	public static TopicReader keys() {
		return new TopicReader(Topics.KEYS);
	}

	public TopicReader(TopicSpec topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().kafkaBootstrapServers(), ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
		List<TopicPartition> partitions = new ArrayList<>();
		for (int partition = 0; partition < topic.partitions(); partition++) {
			partitions.add(new TopicPartition(topic.name(), partition));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** Waits for a record of the record key whose raw value satisfies the condition. */
	public ConsumerRecord<String, String> awaitRecord(String keyId, Predicate<String> rawValue) {
		return await().atMost(WAIT).until(() -> {
			poll();
			return recordsOf(keyId).stream().filter((record) -> rawValue.test(record.value())).findFirst();
		}, Optional::isPresent).orElseThrow();
	}

	/** Waits for a state of the key that satisfies the condition. */
	public KeyStateChanged awaitState(String keyId, Predicate<KeyStateChanged> condition) {
		ConsumerRecord<String, String> record = awaitRecord(keyId, (raw) -> raw != null && condition.test(parse(raw)));
		return parse(record.value());
	}

	public KeyStateChanged awaitFirstState(String keyId) {
		return awaitState(keyId, (state) -> true);
	}

	/** Waits for the key's tombstone. */
	public ConsumerRecord<String, String> awaitTombstone(String keyId) {
		return awaitRecord(keyId, (raw) -> raw == null);
	}

	/** Every record of the key read so far, oldest first. */
	public List<ConsumerRecord<String, String>> recordsOf(String keyId) {
		poll();
		return this.records.stream().filter((record) -> keyId.equals(record.key())).toList();
	}

	public KeyStateChanged parse(String raw) {
		return (KeyStateChanged) event(raw);
	}

	public FlowgateEvent event(String raw) {
		return this.json.readValue(raw, FlowgateEvent.class);
	}

	private void poll() {
		this.consumer.poll(POLL).forEach(this.records::add);
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
