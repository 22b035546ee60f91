package dev.flowgate.kafka;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaObservationConfigurationTest {

	@Test
	void namesTheClusterOfObservedSendsWithoutAskingKafka() {
		new ApplicationContextRunner().withUserConfiguration(KafkaObservationConfiguration.class)
			// Nothing listens there: a lookup would wait for the admin's timeout.
			.withBean(KafkaTemplate.class,
					() -> new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
							Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"))))
			.run((context) -> assertThat(context.getBean(KafkaTemplate.class).getKafkaAdmin().clusterId())
				.isEqualTo(KafkaObservationConfiguration.CLUSTER_ID));
	}

}
