package dev.flowgate.kafka;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaProducerException;

import static org.assertj.core.api.Assertions.assertThat;

class SendOutcomeTest {

	private static final ProducerRecord<String, String> RECORD = new ProducerRecord<>("t", "k", "v");

	@Test
	void holdsAFailureKafkaMightStillMendAsInDoubtHoweverItWasWrapped() {
		Throwable expired = new ExecutionException(new KafkaProducerException(RECORD, "Failed to send",
				new TimeoutException("Expiring 1 record(s) for t-0: 30001 ms has passed since batch creation")));

		assertThat(SendOutcome.ofFailure(expired)).isEqualTo(SendOutcome.IN_DOUBT);
		assertThat(SendOutcome.ofFailure(new NotEnoughReplicasException("1 of 3 in sync")))
			.isEqualTo(SendOutcome.IN_DOUBT);
	}

	@Test
	void reportsARefusalAsFailed() {
		assertThat(SendOutcome.ofFailure(new KafkaProducerException(RECORD, "Failed to send",
				new RecordTooLargeException("The message is 5000000 bytes"))))
			.isEqualTo(SendOutcome.FAILED);
		assertThat(SendOutcome.ofFailure(new TopicAuthorizationException("not allowed"))).isEqualTo(SendOutcome.FAILED);
	}

}
