package dev.flowgate.keys.config;

import java.time.Clock;

import dev.flowgate.kafka.EventClock;
import dev.flowgate.kafka.SendLimits;
import dev.flowgate.keys.domain.key.DeploymentDirectory;
import dev.flowgate.keys.domain.key.KeyIssuer;
import dev.flowgate.keys.domain.key.KeyOutbox;
import dev.flowgate.keys.domain.key.KeyPublication;
import dev.flowgate.keys.domain.key.KeyService;
import dev.flowgate.keys.domain.key.KeyStatePublisher;
import dev.flowgate.keys.domain.key.KeyStore;
import dev.flowgate.keys.domain.key.LastUseRecorder;
import dev.flowgate.keys.domain.key.OwnerKeys;
import dev.flowgate.keys.domain.owner.OwnerDeletionPublisher;
import dev.flowgate.keys.domain.owner.OwnerDeletions;
import dev.flowgate.keys.domain.owner.OwnerService;
import dev.flowgate.keys.domain.owner.OwnerStore;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java domain services to their stores and the publisher. */
@Configuration(proxyBeanMethods = false)
class DomainConfig {

	@Bean
	Clock clock() {
		return EventClock.systemUtc();
	}

	@Bean
	KeyPublication keyPublication(KeyOutbox outbox, KeyStatePublisher publisher, Clock clock,
			FlowgateProperties properties, KafkaProperties kafka) {
		FlowgateProperties.Outbox settings = properties.outbox();
		return new KeyPublication(outbox, publisher, clock, settings.claimDuration(),
				SendLimits.longestSend(kafka.buildProducerProperties()), settings.batchSize());
	}

	@Bean
	KeyIssuer keyIssuer(KeyStore store, KeyPublication publication, DeploymentDirectory deployments, OwnerStore owners,
			Clock clock, FlowgateProperties properties) {
		return new KeyIssuer(store, publication, deployments, owners, clock, properties.keys().perOwner());
	}

	@Bean
	KeyService keyService(KeyStore store, KeyPublication publication, DeploymentDirectory deployments, Clock clock,
			FlowgateProperties properties) {
		return new KeyService(store, publication, deployments, clock, properties.keys().selfRotationGrace());
	}

	@Bean
	OwnerKeys ownerKeys(KeyStore store, KeyPublication publication, Clock clock) {
		return new OwnerKeys(store, publication, clock);
	}

	@Bean
	LastUseRecorder lastUseRecorder(KeyStore store, FlowgateProperties properties) {
		return new LastUseRecorder(store, properties.lastUsed().resolution());
	}

	@Bean
	OwnerDeletions ownerDeletions(OwnerStore owners, OwnerKeys keys, OwnerDeletionPublisher publisher, Clock clock,
			FlowgateProperties properties) {
		return new OwnerDeletions(owners, keys, publisher, clock, properties.outbox().batchSize());
	}

	@Bean
	OwnerService ownerService(OwnerStore owners, KeyIssuer issuer, OwnerKeys keys, Clock clock) {
		return new OwnerService(owners, issuer, keys, clock);
	}

}
