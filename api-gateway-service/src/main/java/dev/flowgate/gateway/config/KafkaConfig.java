package dev.flowgate.gateway.config;

import dev.flowgate.kafka.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one error handler (dead letters to {@code flowgate.dead-letter}), the producers and
 * when the listeners stop.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, DeadLetterBytes deadLetterBytes,
			MeterRegistry meters, GatewayProperties properties) {
		// Undecodable records are published as their original bytes, others as JSON.
		return new DefaultErrorHandler(DeadLetters.recoverer(deadLetterBytes.template(), template, meters),
				backOff(properties.redelivery()));
	}

	static FixedBackOff backOff(GatewayProperties.Redelivery redelivery) {
		return new FixedBackOff(redelivery.interval().toMillis(), Math.max(0, redelivery.attempts() - 1));
	}

	/**
	 * Replaces Boot's logging listener, which logs the whole record of a failed send:
	 * trigger inputs are the caller's data. The publisher logs failures without them.
	 */
	@Bean
	ProducerListener<Object, Object> kafkaProducerListener() {
		return new ProducerListener<>() {
		};
	}

	/**
	 * The listeners stop after the web server has drained at shutdown, not before: a sync
	 * call parked here gets its result while a rolling update stops this replica.
	 */
	@Bean
	static BeanPostProcessor listenersStopAfterTheWebServerDrains() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				// The registry stops its containers in their phase.
				if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> containers) {
					containers.setPhase(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1);
				}
				return bean;
			}

		};
	}

	@Bean
	DeadLetterBytes deadLetterBytes(KafkaProperties properties) {
		return new DeadLetterBytes(new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(),
				new StringSerializer(), new ByteArraySerializer()));
	}

	/**
	 * The byte-array producer for dead letters, held in a bean of its own type so Boot's
	 * JSON {@code KafkaTemplate} and producer factory still auto-configure.
	 */
	static final class DeadLetterBytes implements DisposableBean {

		private final DefaultKafkaProducerFactory<String, byte[]> producerFactory;

		private final KafkaTemplate<String, byte[]> template;

		DeadLetterBytes(DefaultKafkaProducerFactory<String, byte[]> producerFactory) {
			this.producerFactory = producerFactory;
			this.template = new KafkaTemplate<>(producerFactory);
		}

		KafkaTemplate<String, byte[]> template() {
			return this.template;
		}

		@Override
		public void destroy() {
			this.producerFactory.destroy();
		}

	}

}
