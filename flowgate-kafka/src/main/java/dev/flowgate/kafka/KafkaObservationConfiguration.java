package dev.flowgate.kafka;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Observed sends (spring.kafka.template.observation-enabled) name the Kafka cluster, and
 * KafkaTemplate looks its id up on the first send: under a lock and for up to the admin's
 * operation timeout (30 s). While Kafka is down that would hold every send far past
 * max.block.ms. No span is exported, so the id is not needed: a fixed one skips the
 * lookup.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaObservationConfiguration {

	static final String CLUSTER_ID = "flowgate";

	@Bean
	static BeanPostProcessor kafkaTemplateClusterId() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof KafkaTemplate<?, ?> template) {
					// A holder of the id only: never initialised, it connects to nothing.
					KafkaAdmin clusterId = new KafkaAdmin(Map.of());
					clusterId.setClusterId(CLUSTER_ID);
					template.setKafkaAdmin(clusterId);
				}
				return bean;
			}

		};
	}

}
