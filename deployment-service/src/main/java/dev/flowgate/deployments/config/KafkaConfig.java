package dev.flowgate.deployments.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;

import dev.flowgate.contracts.Topics;
import dev.flowgate.store.StoreOutages;

/**
 * The one error handler of every listener: a few quick retries, then the record goes to
 * the dead-letter topic with the failure in its headers; while MongoDB is away, retries
 * until it is back ({@link StoreOutages}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	private static final long RETRY_INTERVAL_MILLIS = 500;

	private static final long RETRIES = 3;

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaProperties properties, StoreOutages outages) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate(properties),
				(record, ex) -> new TopicPartition(Topics.DEAD_LETTER.name(), 0));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(RETRY_INTERVAL_MILLIS, RETRIES));
		handler.setBackOffFunction(outages.backOffFunction());
		return handler;
	}

	/**
	 * Undecodable records arrive as their original bytes, decoded ones as events: the
	 * dead-letter producer writes either unchanged.
	 */
	private static KafkaTemplate<String, Object> deadLetterTemplate(KafkaProperties properties) {
		Map<Class<?>, Serializer<?>> serializers = new LinkedHashMap<>();
		serializers.put(byte[].class, new ByteArraySerializer());
		// Configured from the producer properties, so without type headers like every
		// producer.
		serializers.put(Object.class, new JacksonJsonSerializer<>());
		DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(
				properties.buildProducerProperties(), new StringSerializer(),
				new DelegatingByTypeSerializer(serializers, true));
		return new KafkaTemplate<>(factory);
	}

}
