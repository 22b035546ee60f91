package dev.flowgate.kafka;

import java.util.Optional;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

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

	/**
	 * Why the value could not be serialized (say, JSON nested deeper than the writer
	 * allows): sent again, it would fail again. The serializer's own exception is not
	 * given, as its message quotes the whole value.
	 */
	public static Optional<Throwable> unserializable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SerializationException refusal) {
				return Optional.of((refusal.getCause() != null) ? refusal.getCause() : refusal);
			}
		}
		return Optional.empty();
	}

}
