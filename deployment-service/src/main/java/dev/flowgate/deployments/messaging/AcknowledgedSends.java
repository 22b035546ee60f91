package dev.flowgate.deployments.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.kafka.SendLimits;

/**
 * Sends an outbox's record and waits for Kafka's acknowledgement, at most
 * {@code flowgate.publication.send-timeout}. What Kafka does not take stays in its outbox
 * for the next try, so a failure is logged rather than thrown.
 */
@Component
class AcknowledgedSends {

	private static final Logger log = LoggerFactory.getLogger(AcknowledgedSends.class);

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
	Outcome send(String topic, String key, Object value, String what) {
		try {
			this.kafka.send(topic, key, value).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return Outcome.ACKNOWLEDGED;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.IN_DOUBT;
		}
		catch (TimeoutException ex) {
			log.warn("{} not acknowledged within {}, may still be published", what, this.properties.sendTimeout());
			return Outcome.IN_DOUBT;
		}
		catch (ExecutionException | RuntimeException ex) {
			log.warn("{} not published yet, will retry: {}", what, ex.toString());
			return Outcome.FAILED;
		}
	}

	enum Outcome {

		ACKNOWLEDGED,
		/** Kafka refused it, or it never left this process. */
		FAILED,
		/**
		 * Not acknowledged in time, yet the producer may still deliver it until its
		 * {@code delivery.timeout.ms}: whoever sends the next state must wait until then.
		 */
		IN_DOUBT

	}

}
