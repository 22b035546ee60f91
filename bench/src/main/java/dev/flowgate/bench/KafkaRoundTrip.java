package dev.flowgate.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka baseline: one record at a time from a producer to a consumer on the same
 * broker.
 */
final class KafkaRoundTrip {

	private static final Duration POLL = Duration.ofMillis(100);

	private static final String PAYLOAD = "{\"type\":\"bench\",\"padding\":\"" + "x".repeat(480) + "\"}";

	private KafkaRoundTrip() {
	}

	static Latencies measure(String bootstrap, int count) throws Exception {
		String topic = "bench-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
						StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
				KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
						ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, topic,
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
						ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(topic));
			while (consumer.assignment().isEmpty()) {
				consumer.poll(POLL);
			}
			// Resolves the starting offset now: a record sent before that would be
			// skipped.
			consumer.assignment().forEach(consumer::position);
			return ClosedLoop.run("Kafka produce -> consume (acks=all, 512 B)", 1, count, Duration.ofMinutes(2), () -> {
				producer.send(new ProducerRecord<>(topic, "k", PAYLOAD));
				ConsumerRecords<String, String> records;
				do {
					records = consumer.poll(POLL);
				}
				while (records.isEmpty());
			});
		}
	}

}
