package dev.flowgate.kafka;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.KafkaException;

import static org.assertj.core.api.Assertions.assertThat;

class SendFailuresTest {

	@Test
	void findsASizeRefusalHoweverItWasWrapped() {
		RecordTooLargeException refusal = new RecordTooLargeException("The message is 5000000 bytes");

		assertThat(SendFailures.tooLarge(new CompletionException(new KafkaException("Send failed", refusal))))
			.containsSame(refusal);
		assertThat(SendFailures.tooLarge(new ExecutionException(refusal))).containsSame(refusal);
	}

	@Test
	void findsNoneInAFailureThatASecondTryCouldMend() {
		assertThat(SendFailures.tooLarge(new KafkaException("Send failed", new TimeoutException("no broker"))))
			.isEmpty();
	}

}
