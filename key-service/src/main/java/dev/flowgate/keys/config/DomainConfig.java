package dev.flowgate.keys.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.flowgate.keys.domain.key.DeploymentDirectory;
import dev.flowgate.keys.domain.key.KeyOutbox;
import dev.flowgate.keys.domain.key.KeyPublication;
import dev.flowgate.keys.domain.key.KeyService;
import dev.flowgate.keys.domain.key.KeyStatePublisher;
import dev.flowgate.keys.domain.key.KeyStore;
import dev.flowgate.keys.domain.owner.OwnerService;
import dev.flowgate.keys.domain.owner.OwnerStore;
import dev.flowgate.store.StoreClock;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java domain services to their stores and the publisher. */
@Configuration(proxyBeanMethods = false)
class DomainConfig {

	private static final Duration DEFAULT_MAX_BLOCK = Duration.ofMinutes(1);

	private static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(2);

	@Bean
	Clock clock() {
		return StoreClock.systemUtc();
	}

	@Bean
	KeyPublication keyPublication(KeyOutbox outbox, KeyStatePublisher publisher, Clock clock,
			FlowgateProperties properties, KafkaProperties kafka) {
		FlowgateProperties.Outbox settings = properties.outbox();
		return new KeyPublication(outbox, publisher, clock, settings.claimDuration(), longestSend(kafka),
				settings.batchSize());
	}

	/** Blocking for metadata, then delivering: Kafka's defaults where not set. */
	private static Duration longestSend(KafkaProperties kafka) {
		Map<String, Object> producer = kafka.buildProducerProperties();
		return Duration.ofMillis(millis(producer, ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULT_MAX_BLOCK)
				+ millis(producer, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DEFAULT_DELIVERY_TIMEOUT));
	}

	private static long millis(Map<String, Object> producer, String name, Duration fallback) {
		Object value = producer.get(name);
		return (value != null) ? Long.parseLong(value.toString()) : fallback.toMillis();
	}

	@Bean
	KeyService keyService(KeyStore store, KeyPublication publication, DeploymentDirectory deployments, Clock clock,
			FlowgateProperties properties) {
		return new KeyService(store, publication, deployments, clock, properties.lastUsed().resolution());
	}

	@Bean
	OwnerService ownerService(OwnerStore owners, KeyService keys, Clock clock) {
		return new OwnerService(owners, keys, clock);
	}

}
