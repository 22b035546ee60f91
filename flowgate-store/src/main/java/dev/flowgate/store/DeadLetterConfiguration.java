package dev.flowgate.store;

import dev.flowgate.kafka.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one error handler of the listeners: a record that fails is tried again
 * ({@code flowgate.store.redelivery}), then goes to the dead-letter topic with the
 * failure in its headers; one that fails because MongoDB is away is tried until it is
 * back ({@link StoreOutages}).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

	@Bean
	DefaultErrorHandler kafkaErrorHandler(ProducerFactory<Object, Object> producerFactory,
			KafkaTemplate<Object, Object> template, MeterRegistry meters, StoreProperties properties,
			StoreOutages outages) {
		StoreProperties.Redelivery redelivery = properties.redelivery();
		DefaultErrorHandler handler = new DefaultErrorHandler(DeadLetters.recoverer(producerFactory, template, meters),
				new FixedBackOff(redelivery.interval().toMillis(), Math.max(0, redelivery.attempts() - 1)));
		handler.setBackOffFunction(outages.backOffFunction());
		return handler;
	}

}
