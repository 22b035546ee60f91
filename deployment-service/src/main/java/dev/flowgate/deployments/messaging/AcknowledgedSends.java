package dev.flowgate.deployments.messaging;

import java.time.Duration;
import java.time.Instant;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.kafka.Acknowledgement;
import dev.flowgate.kafka.SendLimits;
import dev.flowgate.kafka.SendOutcome;

/**
 * Sends an outbox's record and waits for Kafka's acknowledgement, at most
 * {@code flowgate.publication.send-timeout}; what became of it is decided as every
 * publisher decides it ({@link Acknowledgement}). What Kafka does not take stays in its
 * outbox for the next try.
 */
@Component
class AcknowledgedSends {

	private final KafkaTemplate<String, Object> kafka;

	private final PublicationProperties properties;

	private final Duration longestSend;

	AcknowledgedSends(KafkaTemplate<String, Object> kafka, PublicationProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
		this.longestSend = SendLimits.longestSend(kafka.getProducerFactory().getConfigurationProperties());
		if (properties.lease().compareTo(this.longestSend) <= 0) {
			throw new IllegalStateException("flowgate.publication.lease (" + properties.lease()
					+ ") must outlast the producer's longest send (" + this.longestSend + ")");
		}
	}

	/**
	 * Whether a send started at {@code now} ends, landed or given up, before a claim held
	 * until {@code claimedUntil} does. Taking the claim may have stalled (a slow reply, a
	 * pause): once it ends another publisher may send a newer state, which a late send
	 * would land after.
	 */
	boolean endsBefore(Instant claimedUntil, Instant now) {
		return now.plus(this.longestSend).isBefore(claimedUntil);
	}

	/**
	 * @param what names the record in the log when it is not acknowledged
	 */
	SendOutcome send(String topic, String key, Object value, String what) {
		return Acknowledgement.await(() -> this.kafka.send(topic, key, value), this.properties.sendTimeout(), what);
	}

}
