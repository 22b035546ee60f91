package dev.flowgate.keys.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
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
		try {
			this.kafka.send(recordOf(key)).get(this.ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
			return Delivery.ACKNOWLEDGED;
		}
		catch (ExecutionException | KafkaException | org.apache.kafka.common.KafkaException ex) {
			if (mayStillLand(ex)) {
				log.warn("Publishing key {} version {} timed out; it may still land, so the key stays held: {}",
						key.id(), key.version(), ex.getMessage());
				return Delivery.IN_DOUBT;
			}
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

	/**
	 * Kafka ends a send that ran out of time (its {@code delivery.timeout.ms}) or of
	 * retries with a retriable error, a {@code TimeoutException} above all, although the
	 * broker may have written the record, or may yet: it is in doubt, not refused.
	 */
	private static boolean mayStillLand(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RetriableException) {
				return true;
			}
		}
		return false;
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
