package dev.flowgate.keys.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.contracts.Topics;
import dev.flowgate.kafka.Acknowledgement;
import dev.flowgate.kafka.SendOutcome;
import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.keys.domain.key.ApiKey;
import dev.flowgate.keys.domain.key.KeyStatePublisher;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends key state to the compacted key topic and waits for the acknowledgement; what
 * became of the send is decided as every publisher decides it ({@link Acknowledgement}).
 */
@Component
class KafkaKeyStatePublisher implements KeyStatePublisher {

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
		SendOutcome outcome = Acknowledgement.await(() -> this.kafka.send(recordOf(key)), this.ackTimeout,
				"Key %s version %d".formatted(key.id(), key.version()));
		// The domain's words for the same outcomes: it knows no Kafka types.
		return switch (outcome) {
			case ACKNOWLEDGED -> Delivery.ACKNOWLEDGED;
			case FAILED -> Delivery.FAILED;
			case IN_DOUBT -> Delivery.IN_DOUBT;
		};
	}

	/**
	 * A deleted key's record is a tombstone (compaction then drops the key); with no
	 * value to carry it, its version goes in a header.
	 */
	private ProducerRecord<String, FlowgateEvent> recordOf(ApiKey key) {
		if (!key.deleted()) {
			return new ProducerRecord<>(Topics.KEYS.name(), key.id(), stateOf(key));
		}
		Header version = new RecordHeader(KeyStateChanged.VERSION_HEADER,
				Long.toString(key.version()).getBytes(StandardCharsets.US_ASCII));
		return new ProducerRecord<>(Topics.KEYS.name(), null, key.id(), null, List.of(version));
	}

	private KeyStateChanged stateOf(ApiKey key) {
		var credential = key.credential();
		var permissions = key.permissions();
		return new KeyStateChanged(UUID.randomUUID(), KeyStateChanged.SCHEMA_VERSION, this.clock.instant(), key.id(),
				key.ownerId(), key.name(), credential.hint(), credential.secretHash(), credential.previousSecretHash(),
				credential.previousSecretValidUntil(), permissions.scopes(), permissions.deploymentIds(),
				permissions.expiresAt(), permissions.rateLimitPerMinute(), key.status(), key.version());
	}

}
