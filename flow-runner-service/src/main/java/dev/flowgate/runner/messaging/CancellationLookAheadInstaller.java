package dev.flowgate.runner.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts {@link CancellationLookAhead} on the runner's consumers (the other topics they
 * read carry no cancellations, so it passes their polls over).
 */
@Component
class CancellationLookAheadInstaller implements DefaultKafkaConsumerFactoryCustomizer {

	private final CancellationsAhead ahead;

	CancellationLookAheadInstaller(CancellationsAhead ahead) {
		this.ahead = ahead;
	}

	@Override
	public void customize(DefaultKafkaConsumerFactory<?, ?> factory) {
		factory.updateConfigs(Map.of(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, CancellationLookAhead.class.getName(),
				CancellationLookAhead.AHEAD, this.ahead));
	}

}
