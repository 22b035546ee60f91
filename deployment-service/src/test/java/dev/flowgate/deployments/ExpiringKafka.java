package dev.flowgate.deployments;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * A producer that gives up on every record after it left, as Kafka does once
 * {@code delivery.timeout.ms} runs out: the broker may have written it, or may yet. The
 * records are counted, not sent.
 */
public final class ExpiringKafka extends KafkaTemplate<String, Object> {

	private int sends;

	public ExpiringKafka() {
		super(new DefaultKafkaProducerFactory<>(Map.of()));
	}

	@Override
	public synchronized CompletableFuture<SendResult<String, Object>> send(String topic, String key, Object value) {
		this.sends++;
		ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, value);
		// Pending when send returns, as a record in a batch is; failed once waited for.
		return new CompletableFuture<>() {

			@Override
			public SendResult<String, Object> get(long timeout, TimeUnit unit)
					throws InterruptedException, ExecutionException, TimeoutException {
				completeExceptionally(new KafkaProducerException(record, "Failed to send",
						new org.apache.kafka.common.errors.TimeoutException(
								"Expiring 1 record(s): 30001 ms has passed since batch creation")));
				return super.get(timeout, unit);
			}

		};
	}

	public synchronized int sends() {
		return this.sends;
	}

}
