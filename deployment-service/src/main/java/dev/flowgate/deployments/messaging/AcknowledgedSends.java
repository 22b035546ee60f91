package dev.flowgate.deployments.messaging;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.PublicationProperties;

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

	AcknowledgedSends(KafkaTemplate<String, Object> kafka, PublicationProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
	}

	/**
	 * @param what names the record in the log when it is not acknowledged
	 * @return whether Kafka acknowledged it
	 */
	boolean send(String topic, String key, Object value, String what) {
		try {
			this.kafka.send(topic, key, value).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			log.warn("{} not published yet, will retry: {}", what, ex.toString());
			return false;
		}
	}

}
