package dev.flowgate.delivery.config;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.contracts.Topics;
import dev.flowgate.store.StoreOutages;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Failed records are retried a few times, then parked on the dead-letter topic; while
 * MongoDB is away, retried until it is back ({@link StoreOutages}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	/**
	 * Lets Kafka pick the partition: the dead-letter topic has fewer than the sources.
	 */
	private static final int ANY_PARTITION = -1;

	@Bean
	DefaultErrorHandler kafkaErrorHandler(ProducerFactory<Object, Object> producerFactory,
			KafkaTemplate<Object, Object> template, FlowgateProperties properties, StoreOutages outages) {
		// A value that could not be deserialized is forwarded as the original bytes.
		KafkaTemplate<Object, Object> rawTemplate = new KafkaTemplate<>(producerFactory.copyWithConfigurationOverride(
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawTemplate);
		templates.put(Object.class, template);
		var recoverer = new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(Topics.DEAD_LETTER.name(), ANY_PARTITION));
		FlowgateProperties.ConsumerRetry retry = properties.consumerRetry();
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(retry.interval().toMillis(), Math.max(0, retry.attempts() - 1)));
		handler.setBackOffFunction(outages.backOffFunction());
		return handler;
	}

}
