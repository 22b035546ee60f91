package dev.flowgate.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record and waits for Kafka's acknowledgement, telling a record that never left
 * this process (failed) from one that may still land (in doubt). A failure is logged, not
 * thrown: the caller's outbox keeps what Kafka did not take.
 */
public final class Acknowledgement {

	private static final Logger log = LoggerFactory.getLogger(Acknowledgement.class);

	private Acknowledgement() {
	}

	/**
	 * @param send starts the send, as {@code KafkaTemplate.send}
	 * @param timeout how long to wait for the acknowledgement
	 * @param what names the record in the log when it is not acknowledged
	 */
	public static SendOutcome await(Supplier<? extends CompletableFuture<?>> send, Duration timeout, String what) {
		CompletableFuture<?> sending;
		try {
			sending = send.get();
		}
		catch (RuntimeException ex) {
			// Failed within send() itself, before joining a batch (no partitions within
			// max.block.ms, no buffer, too large): it never left, whatever the cause.
			log.warn("{} not published, will retry: {}", what, ex.toString());
			return SendOutcome.FAILED;
		}
		// A sender may report that same failure as a future already failed instead.
		boolean left = !sending.isCompletedExceptionally();
		try {
			sending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return SendOutcome.ACKNOWLEDGED;
		}
		catch (ExecutionException ex) {
			return failed(left ? SendOutcome.ofFailure(ex.getCause()) : SendOutcome.FAILED, ex.getCause(), what);
		}
		catch (TimeoutException ex) {
			log.warn("{} not acknowledged within {}, may still land", what, timeout);
			return SendOutcome.IN_DOUBT;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return SendOutcome.IN_DOUBT;
		}
	}

	private static SendOutcome failed(SendOutcome outcome, Throwable failure, String what) {
		if (outcome == SendOutcome.IN_DOUBT) {
			log.warn("{} failed, yet may still land: {}", what, failure.toString());
		}
		else {
			log.warn("{} not published, will retry: {}", what, failure.toString());
		}
		return outcome;
	}

}
