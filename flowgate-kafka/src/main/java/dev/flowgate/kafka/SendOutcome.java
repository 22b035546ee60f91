package dev.flowgate.kafka;

import org.apache.kafka.common.errors.RetriableException;

/**
 * What became of a send whose acknowledgement was awaited ({@link Acknowledgement}): the
 * one answer every publisher takes to "did Kafka take the record?".
 */
public enum SendOutcome {

	/** The broker acknowledged it. */
	ACKNOWLEDGED,

	/** It never left this process, or Kafka refused it: sending it again is safe. */
	FAILED,

	/**
	 * Not acknowledged in time, or failed in a way that leaves it possibly written: it
	 * may still land until the producer's longest send ({@link SendLimits}) has passed,
	 * so nothing for its key may be sent before then, itself included.
	 */
	IN_DOUBT;

	/**
	 * What a send that failed after leaving this process says. Kafka ends a send that ran
	 * out of time ({@code delivery.timeout.ms}) or of retries with a retriable error, a
	 * {@code TimeoutException} above all, although the broker may have written the
	 * record, or may yet: it is in doubt, not refused.
	 */
	public static SendOutcome ofFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RetriableException) {
				return IN_DOUBT;
			}
		}
		return FAILED;
	}

}
