package dev.flowgate.system.badinput;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.flowgate.contracts.Topics;
import dev.flowgate.system.Api;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code flowgate.executions.requested} on the real broker: marks its end offsets,
 * then reads what was published since, to tell whether a refused call published anything.
 */
final class TriggerTopic implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(200);

	private final KafkaConsumer<String, String> consumer;

	private final List<TopicPartition> partitions;

	private TriggerTopic(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
		this.consumer = consumer;
		this.partitions = partitions;
	}

	static TriggerTopic connect(String bootstrapServers) {
		Properties settings = new Properties();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings);
		List<TopicPartition> partitions = consumer.partitionsFor(Topics.EXECUTIONS_REQUESTED.name(), TIMEOUT)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		return new TriggerTopic(consumer, partitions);
	}

	/** Where the topic ends now, per partition. */
	Map<TopicPartition, Long> endOffsets() {
		return this.consumer.endOffsets(this.partitions, TIMEOUT);
	}

	/**
	 * Every trigger published after {@code marks}. The gateway answers a trigger only
	 * after Kafka acknowledged it, so once a call is answered anything it published is
	 * already here.
	 */
	List<Published> since(Map<TopicPartition, Long> marks) {
		Map<TopicPartition, Long> ends = endOffsets();
		List<TopicPartition> grown = this.partitions.stream().filter((tp) -> ends.get(tp) > marks.get(tp)).toList();
		List<Published> published = new ArrayList<>();
		if (grown.isEmpty()) {
			return published;
		}
		this.consumer.assign(grown);
		grown.forEach((tp) -> this.consumer.seek(tp, marks.get(tp)));
		Instant deadline = Instant.now().plus(TIMEOUT);
		while (grown.stream().anyMatch((tp) -> this.consumer.position(tp) < ends.get(tp))) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Could not read " + grown + " up to " + ends + " within " + TIMEOUT);
			}
			for (ConsumerRecord<String, String> record : this.consumer.poll(POLL)) {
				JsonNode trigger = Api.JSON.readTree(record.value());
				JsonNode key = trigger.get("idempotencyKey");
				published.add(new Published(trigger.at("/deploymentId").asString(),
						(key == null || key.isNull()) ? null : key.asString()));
			}
		}
		return published;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	/** What identifies a published trigger here. */
	record Published(String deploymentId, String idempotencyKey) {
	}

}
