package dev.flowgate.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementTest {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final ProducerRecord<String, String> RECORD = new ProducerRecord<>("t", "k", "v");

	@Test
	void reportsAnAcknowledgedSend() {
		assertThat(Acknowledgement.await(() -> CompletableFuture.completedFuture(null), WAIT, "the record"))
			.isEqualTo(SendOutcome.ACKNOWLEDGED);
	}

	@Test
	void reportsARecordThatNeverLeftThisProcessAsFailedThoughKafkaTimedItOut() {
		// Nothing listens on the discard port: the producer gives up waiting for the
		// topic's partitions, a TimeoutException, before the record joins a batch.
		DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9", ProducerConfig.MAX_BLOCK_MS_CONFIG, 200),
				new StringSerializer(), new StringSerializer());
		try {
			KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producers);

			assertThat(Acknowledgement.await(() -> kafka.send(RECORD), WAIT, "the record"))
				.isEqualTo(SendOutcome.FAILED);
		}
		finally {
			producers.destroy();
		}
	}

	@Test
	void reportsASendThatThrewAsFailed() {
		assertThat(Acknowledgement.await(() -> {
			throw new IllegalStateException("the producer is closed");
		}, WAIT, "the record")).isEqualTo(SendOutcome.FAILED);
	}

	@Test
	void holdsARecordKafkaTimedOutAfterItLeftAsInDoubt() {
		CompletableFuture<SendResult<String, String>> expiring = failingOnceAwaited(
				new TimeoutException("Expiring 1 record(s) for t-0: 30001 ms has passed since batch creation"));

		assertThat(Acknowledgement.await(() -> expiring, WAIT, "the record")).isEqualTo(SendOutcome.IN_DOUBT);
	}

	@Test
	void reportsARecordTheBrokerRefusedAsFailed() {
		CompletableFuture<SendResult<String, String>> refused = failingOnceAwaited(
				new RecordTooLargeException("The request included a message larger than the server will accept"));

		assertThat(Acknowledgement.await(() -> refused, WAIT, "the record")).isEqualTo(SendOutcome.FAILED);
	}

	@Test
	void holdsASendNotAcknowledgedInTimeAsInDoubt() {
		assertThat(Acknowledgement.await(CompletableFuture::new, Duration.ZERO, "the record"))
			.isEqualTo(SendOutcome.IN_DOUBT);
	}

	@Test
	void holdsAnInterruptedWaitAsInDoubtAndKeepsTheInterrupt() {
		Thread.currentThread().interrupt();
		try {
			assertThat(Acknowledgement.await(CompletableFuture::new, WAIT, "the record"))
				.isEqualTo(SendOutcome.IN_DOUBT);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	/**
	 * Pending when the send returns, as a record in a batch is; the producer reports the
	 * failure later, here once the caller waits.
	 */
	private static CompletableFuture<SendResult<String, String>> failingOnceAwaited(RuntimeException failure) {
		return new CompletableFuture<>() {

			@Override
			public SendResult<String, String> get(long timeout, TimeUnit unit) throws InterruptedException,
					java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
				completeExceptionally(new KafkaProducerException(RECORD, "Failed to send", failure));
				return super.get(timeout, unit);
			}

		};
	}

}
