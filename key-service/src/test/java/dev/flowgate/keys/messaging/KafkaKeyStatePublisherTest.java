package dev.flowgate.keys.messaging;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.keys.domain.key.ApiKey;
import dev.flowgate.keys.domain.key.KeyRequest;
import dev.flowgate.keys.domain.key.KeySecret;
import dev.flowgate.keys.domain.key.KeyStatePublisher.Delivery;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;

/** What becomes of a send, as the relay sees it, and what goes on the wire. */
class KafkaKeyStatePublisherTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final List<ProducerRecord<String, FlowgateEvent>> sent = new ArrayList<>();

	private final ApiKey key = ApiKey.issue("k1", "owner-1", KeyRequest.firstKey(),
			KeySecret.generate(new SecureRandom()), NOW);

	@Test
	void holdsASendThatKafkaTimedOutAsInDoubtAsItMayStillBeWritten() {
		KafkaKeyStatePublisher publisher = publisher((record) -> failingOnceAwaited(record,
				new TimeoutException("Expiring 1 record(s): 30001 ms has passed")));

		assertThat(publisher.publish(this.key)).isEqualTo(Delivery.IN_DOUBT);
	}

	@Test
	void reportsASendThatNeverLeftAsFailedThoughKafkaTimedItOut() {
		KafkaKeyStatePublisher publisher = publisher((record) -> {
			// As the template reports a topic whose partitions it could not look up.
			throw new KafkaException("Send failed",
					new TimeoutException("Topic not present in metadata after 5000 ms"));
		});

		assertThat(publisher.publish(this.key)).isEqualTo(Delivery.FAILED);
	}

	@Test
	void holdsASendNotAcknowledgedInTimeAsInDoubt() {
		KafkaKeyStatePublisher publisher = publisher((record) -> new CompletableFuture<>());

		assertThat(publisher.publish(this.key)).isEqualTo(Delivery.IN_DOUBT);
	}

	@Test
	void reportsASendKafkaRefusedAsFailed() {
		KafkaKeyStatePublisher publisher = publisher(
				(record) -> failingOnceAwaited(record, new RecordTooLargeException("The message is too large")));

		assertThat(publisher.publish(this.key)).isEqualTo(Delivery.FAILED);
	}

	@Test
	void sendsTheKeysVersionWithItsState() {
		ApiKey deactivated = this.key.deactivate();

		publisher(this::acknowledged).publish(deactivated);

		assertThat(this.sent).singleElement()
			.satisfies((record) -> assertThat(((KeyStateChanged) record.value()).version()).isEqualTo(2));
	}

	@Test
	void sendsADeletionAsATombstoneWithItsVersionInAHeader() {
		ApiKey deleted = this.key.deactivate().delete();

		publisher(this::acknowledged).publish(deleted);

		assertThat(this.sent).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("k1");
			assertThat(record.value()).isNull();
			assertThat(record.headers().lastHeader(KeyStateChanged.VERSION_HEADER).value())
				.asString(StandardCharsets.US_ASCII)
				.isEqualTo("3");
		});
	}

	private CompletableFuture<SendResult<String, FlowgateEvent>> acknowledged(
			ProducerRecord<String, FlowgateEvent> record) {
		return CompletableFuture.completedFuture(new SendResult<>(record, null));
	}

	/**
	 * Pending when the send returns, as a record in a batch is; Kafka reports the failure
	 * later, here once the publisher waits.
	 */
	private static CompletableFuture<SendResult<String, FlowgateEvent>> failingOnceAwaited(
			ProducerRecord<String, FlowgateEvent> record, RuntimeException cause) {
		return new CompletableFuture<>() {

			@Override
			public SendResult<String, FlowgateEvent> get(long timeout, TimeUnit unit)
					throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
				completeExceptionally(new KafkaProducerException(record, "Failed to send", cause));
				return super.get(timeout, unit);
			}

		};
	}

	private KafkaKeyStatePublisher publisher(
			Function<ProducerRecord<String, FlowgateEvent>, CompletableFuture<SendResult<String, FlowgateEvent>>> broker) {
		KafkaTemplate<String, FlowgateEvent> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of())) {

			@Override
			public CompletableFuture<SendResult<String, FlowgateEvent>> send(
					ProducerRecord<String, FlowgateEvent> record) {
				KafkaKeyStatePublisherTest.this.sent.add(record);
				return broker.apply(record);
			}

		};
		FlowgateProperties properties = new FlowgateProperties(new FlowgateProperties.Outbox(Duration.ofMillis(500),
				Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofSeconds(60), 10, false), null, null, null);
		return new KafkaKeyStatePublisher(kafka, Clock.fixed(NOW, ZoneOffset.UTC), properties);
	}

}
