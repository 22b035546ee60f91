package dev.flowgate.runner.messaging;

import dev.flowgate.kafka.DeadLetters;
import dev.flowgate.runner.config.RunnerProperties;
import dev.flowgate.runner.domain.execution.ExecutionService;
import dev.flowgate.runner.domain.execution.InvalidTriggerException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** How the trigger listener's container handles bad records and back-pressure. */
@Configuration(proxyBeanMethods = false)
class TriggerErrorHandling {

	@Bean
	DefaultErrorHandler kafkaErrorHandler(PartitionStates partitions, ExecutionService executions,
			ResultPublisher results, ProducerFactory<Object, Object> producerFactory,
			KafkaTemplate<Object, Object> template, MeterRegistry meters, RunnerProperties properties) {
		RunnerProperties.Triggers triggers = properties.triggers();
		DefaultErrorHandler handler = new HoldingErrorHandler(
				new InvalidTriggerRecoverer(partitions, executions, results,
						DeadLetters.recoverer(producerFactory, template, meters)),
				new FixedBackOff(triggers.handlerRetryInterval().toMillis(),
						Math.max(0, triggers.handlerAttempts() - 1)),
				partitions);
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
