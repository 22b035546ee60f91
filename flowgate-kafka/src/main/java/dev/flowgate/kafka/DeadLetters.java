package dev.flowgate.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Where a service's error handler puts the records it gives up on: the dead-letter topic,
 * with the failure in the headers Spring Kafka adds. Each record parked there is counted
 * ({@value #COUNTER}, by source topic, every topic from 0), so that an alert need not
 * read the topic.
 */
public final class DeadLetters {

	/** Records published to the dead-letter topic. */
	public static final String COUNTER = "flowgate.kafka.dead.letters";

	/**
	 * Lets Kafka pick the partition: the dead-letter topic has fewer than the sources.
	 */
	private static final int ANY_PARTITION = -1;

	private DeadLetters() {
	}

	/**
	 * @param producerFactory the service's producer settings
	 * @param template writes decoded records as events; a value that could not be
	 * deserialized is forwarded as its original bytes
	 */
	public static ConsumerRecordRecoverer recoverer(ProducerFactory<Object, Object> producerFactory,
			KafkaTemplate<Object, Object> template, MeterRegistry meters) {
		KafkaTemplate<Object, Object> rawTemplate = new KafkaTemplate<>(producerFactory.copyWithConfigurationOverride(
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
		return recoverer(rawTemplate, template, meters);
	}

	/**
	 * @param rawTemplate writes a value that could not be deserialized as its original
	 * bytes
	 * @param template writes decoded records as events
	 */
	public static ConsumerRecordRecoverer recoverer(KafkaOperations<?, ?> rawTemplate, KafkaOperations<?, ?> template,
			MeterRegistry meters) {
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawTemplate);
		templates.put(Object.class, template);
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(Topics.DEAD_LETTER.name(), ANY_PARTITION));
		// A series from the start, at 0: increase() over a series born at 1
		// would miss the first dead letter.
		Topics.all()
			.stream()
			.filter((topic) -> !topic.equals(Topics.DEAD_LETTER))
			.forEach((topic) -> counter(meters, topic.name()));
		return (record, ex) -> {
			// Counted once the broker has the record: a failed send throws, and the error
			// handler tries the record again.
			publisher.accept(record, ex);
			counter(meters, record.topic()).increment();
		};
	}

	private static Counter counter(MeterRegistry meters, String topic) {
		return Counter.builder(COUNTER)
			.description("Records a listener gave up on, published to the dead-letter topic")
			.tag("topic", topic)
			.register(meters);
	}

}
