package dev.flowgate.runner.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.contracts.Topics;
import dev.flowgate.runner.config.RunnerProperties;
import dev.flowgate.runner.domain.execution.ExecutionService;
import dev.flowgate.runner.domain.execution.InvalidTriggerException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** How the trigger listener's container handles bad records and back-pressure. */
@Configuration(proxyBeanMethods = false)
class TriggerErrorHandling {

	/**
	 * Lets Kafka pick the partition: the dead-letter topic has fewer than the sources.
	 */
	private static final int ANY_PARTITION = -1;

	@Bean
	DefaultErrorHandler kafkaErrorHandler(PartitionStates partitions, ExecutionService executions,
			ResultPublisher results, ProducerFactory<Object, Object> producerFactory,
			KafkaTemplate<Object, Object> template, RunnerProperties properties) {
		// A value that could not be deserialized is forwarded as the original bytes.
		KafkaTemplate<Object, Object> rawTemplate = new KafkaTemplate<>(producerFactory.copyWithConfigurationOverride(
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawTemplate);
		templates.put(Object.class, template);
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(Topics.DEAD_LETTER.name(), ANY_PARTITION));
		RunnerProperties.Triggers triggers = properties.triggers();
		DefaultErrorHandler handler = new DefaultErrorHandler(
				new InvalidTriggerRecoverer(partitions, executions, results, deadLetters), new FixedBackOff(
						triggers.handlerRetryInterval().toMillis(), Math.max(0, triggers.handlerAttempts() - 1)));
		handler.addNotRetryableExceptions(InvalidTriggerException.class);
		// Offsets are committed by PartitionState alone, never past an unfinished
		// trigger.
		handler.setAckAfterHandle(false);
		return handler;
	}

	/**
	 * Small polls, so that pausing before the next one ({@link ExecutionCapacity}) keeps
	 * the in-flight cap without Spring Kafka's immediate pause.
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> triggerPollSize(
			RunnerProperties properties) {
		String records = Integer.toString(properties.triggers().recordsPerPoll());
		return (container) -> {
			if (TriggerListener.ID.equals(container.getListenerId())) {
				container.getContainerProperties()
					.getKafkaConsumerProperties()
					.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, records);
			}
		};
	}

}
