package dev.flowgate.runner.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.infra.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain Kafka client for integration tests: publishes events as the other services
 * would (plain JSON, string keys) and reads topics from the beginning.
 */
public final class KafkaTestClient implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(200);

	private static final long NOTHING_COMMITTED = -1;

	private final JsonMapper json = JsonMapper.builder().build();

	private final String bootstrapServers = TestInfrastructure.get().kafkaBootstrapServers();

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
					ProducerConfig.LINGER_MS_CONFIG, 0),
			new StringSerializer(), new ByteArraySerializer());

	/**
	 * Publishes an event as JSON, or a tombstone for {@code null}, and waits for the ack.
	 */
	public void publish(TopicSpec topic, String key, FlowgateEvent event) {
		publishRaw(topic, key, (event != null) ? this.json.writeValueAsBytes(event) : null);
	}

	/** Publishes all events at once, then waits for every ack. */
	public void publishAll(TopicSpec topic, Map<String, ? extends FlowgateEvent> eventsByKey) {
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		eventsByKey.forEach((key, event) -> sent
			.add(this.producer.send(new ProducerRecord<>(topic.name(), key, this.json.writeValueAsBytes(event)))));
		for (Future<RecordMetadata> ack : sent) {
			try {
				ack.get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("could not publish to " + topic.name(), ex);
			}
		}
	}

	/** Publishes an event as JSON with one header, as an observed producer would. */
	public void publish(TopicSpec topic, String key, FlowgateEvent event, String header, String value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key,
				this.json.writeValueAsBytes(event));
		record.headers().add(header, value.getBytes(StandardCharsets.UTF_8));
		send(topic, record);
	}

	public void publishRaw(TopicSpec topic, String key, byte[] value) {
		send(topic, new ProducerRecord<>(topic.name(), key, value));
	}

	/** Publishes an event as JSON, waits for the ack and returns the record's offset. */
	public long publishForOffset(TopicSpec topic, String key, FlowgateEvent event) {
		return send(topic, new ProducerRecord<>(topic.name(), key, this.json.writeValueAsBytes(event))).offset();
	}

	private RecordMetadata send(TopicSpec topic, ProducerRecord<String, byte[]> record) {
		try {
			return this.producer.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not publish to " + topic.name(), ex);
		}
	}

	public void publishRaw(TopicSpec topic, String key, String value) {
		publishRaw(topic, key, value.getBytes(StandardCharsets.UTF_8));
	}

	/** The partition the default partitioner picks for {@code key}. */
	public static int partitionOf(String key, TopicSpec topic) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % topic.partitions();
	}

	/** The offset {@code group} committed for {@code partition}; -1 if none. */
	public long committed(String group, TopicPartition partition) {
		try (KafkaConsumer<String, byte[]> member = member(group)) {
			OffsetAndMetadata committed = member.committed(Set.of(partition)).get(partition);
			return (committed != null) ? committed.offset() : NOTHING_COMMITTED;
		}
	}

	/**
	 * A consumer in {@code group} that commits nothing; subscribed, it joins the group as
	 * another runner would (cooperative rebalancing).
	 */
	public KafkaConsumer<String, byte[]> member(String group) {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
						"earliest", ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
						CooperativeStickyAssignor.class.getName()),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** A reader of every partition of {@code topic}, from the beginning. */
	public Reader reader(TopicSpec topic) {
		return new Reader(topic);
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

	private FlowgateEvent decode(byte[] value) {
		try {
			return (value != null) ? this.json.readValue(value, FlowgateEvent.class) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** Reads a topic from the beginning, one poll per call, keeping what it read. */
	public final class Reader implements AutoCloseable {

		private final KafkaConsumer<String, byte[]> consumer;

		private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

		Reader(TopicSpec topic) {
			this.consumer = new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClient.this.bootstrapServers,
							ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
					new StringDeserializer(), new ByteArrayDeserializer());
			List<TopicPartition> partitions = this.consumer.partitionsFor(topic.name())
				.stream()
				.map((info) -> new TopicPartition(topic.name(), info.partition()))
				.toList();
			this.consumer.assign(partitions);
			this.consumer.seekToBeginning(partitions);
		}

		/** Polls once more and returns everything read so far. */
		public synchronized List<ConsumerRecord<String, byte[]>> poll() {
			this.consumer.poll(POLL).forEach(this.records::add);
			return List.copyOf(this.records);
		}

		/**
		 * The events of {@code type} read so far, after one more poll; undecodable ones
		 * are left out.
		 */
		public <T extends FlowgateEvent> List<T> events(Class<T> type) {
			return poll().stream()
				.map(ConsumerRecord::value)
				.map(KafkaTestClient.this::decode)
				.filter(type::isInstance)
				.map(type::cast)
				.toList();
		}

		@Override
		public void close() {
			this.consumer.close(Duration.ofSeconds(5));
		}

	}

}
