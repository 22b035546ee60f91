package dev.flowgate.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Where a service's error handler puts the records it gives up on: the dead-letter topic,
 * with the failure in the headers Spring Kafka adds.
 */
public final class DeadLetters {

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
	public static DeadLetterPublishingRecoverer recoverer(ProducerFactory<Object, Object> producerFactory,
			KafkaTemplate<Object, Object> template) {
		KafkaTemplate<Object, Object> rawTemplate = new KafkaTemplate<>(producerFactory.copyWithConfigurationOverride(
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawTemplate);
		templates.put(Object.class, template);
		return new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(Topics.DEAD_LETTER.name(), ANY_PARTITION));
	}

}
