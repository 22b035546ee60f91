package dev.flowgate.keys.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.contracts.Topics;
import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.keys.domain.key.ApiKey;
import dev.flowgate.keys.domain.key.KeyStatePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Sends key state to the compacted key topic and waits for the acknowledgement. */
@Component
class KafkaKeyStatePublisher implements KeyStatePublisher {

	private static final Logger log = LoggerFactory.getLogger(KafkaKeyStatePublisher.class);

	private final KafkaTemplate<String, FlowgateEvent> kafka;

	private final Clock clock;

	private final Duration ackTimeout;

	KafkaKeyStatePublisher(KafkaTemplate<String, FlowgateEvent> kafka, Clock clock, FlowgateProperties properties) {
		this.kafka = kafka;
		this.clock = clock;
		this.ackTimeout = properties.outbox().ackTimeout();
	}

	@Override
	public Delivery publish(ApiKey key) {
		// A deleted key's record is a tombstone: compaction then drops the key.
		FlowgateEvent state = key.deleted() ? null : stateOf(key);
		try {
			this.kafka.send(Topics.KEYS.name(), key.id(), state).get(this.ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
			return Delivery.ACKNOWLEDGED;
		}
		catch (ExecutionException | KafkaException | org.apache.kafka.common.KafkaException ex) {
			log.warn("Publishing key {} version {} failed; it stays pending: {}", key.id(), key.version(),
					ex.getMessage());
			return Delivery.FAILED;
		}
		catch (TimeoutException ex) {
			log.warn("No acknowledgement for key {} version {} within {}", key.id(), key.version(), this.ackTimeout);
			return Delivery.IN_DOUBT;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Delivery.IN_DOUBT;
		}
	}

	private KeyStateChanged stateOf(ApiKey key) {
		var credential = key.credential();
		var permissions = key.permissions();
		return new KeyStateChanged(UUID.randomUUID(), KeyStateChanged.SCHEMA_VERSION, this.clock.instant(), key.id(),
				key.ownerId(), key.name(), credential.hint(), credential.secretHash(), credential.previousSecretHash(),
				credential.previousSecretValidUntil(), permissions.scopes(), permissions.deploymentIds(),
				permissions.expiresAt(), permissions.rateLimitPerMinute(), key.status());
	}

}
