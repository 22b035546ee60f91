package dev.flowgate.kafka;

import java.util.Optional;

import org.apache.kafka.common.errors.RecordTooLargeException;

/** What a failed send says, however the producer and Spring wrapped it. */
public final class SendFailures {

	private SendFailures() {
	}

	/**
	 * Kafka's refusal of a record for its size: sent again, it would be refused again.
	 */
	public static Optional<RecordTooLargeException> tooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RecordTooLargeException refusal) {
				return Optional.of(refusal);
			}
		}
		return Optional.empty();
	}

}
