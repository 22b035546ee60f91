package dev.flowgate.delivery.domain.delivery;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.ExecutionCompleted;

/** One way of delivering results: signed callbacks or email. */
public interface Channel {

	DeliveryChannel id();

	/**
	 * What this channel would send for a result; empty when the result has no target for
	 * it.
	 */
	Optional<Prepared> prepare(ExecutionCompleted result);

	/** Makes one attempt; never completes exceptionally for a failed delivery. */
	CompletableFuture<AttemptOutcome> send(Delivery delivery);

	/**
	 * Whether an attempt would fail at once, every time, without reaching anyone (nor
	 * counting against a breaker): a destination refused as it is written.
	 */
	default boolean refusesAtOnce(Delivery delivery) {
		return false;
	}

	/**
	 * A prepared delivery.
	 *
	 * @param status {@code PENDING} to send, {@code FAILED} or {@code SKIPPED} to record
	 * without sending
	 * @param reason why it is not sent, or {@code null}
	 */
	record Prepared(String destination, String destinationKey, Message message, DeliveryStatus status, String reason) {

		public static Prepared ready(String destination, String destinationKey, Message message) {
			return new Prepared(destination, destinationKey, message, DeliveryStatus.PENDING, null);
		}

		public static Prepared refused(String destination, String destinationKey, Message message, String reason) {
			return new Prepared(destination, destinationKey, message, DeliveryStatus.FAILED, reason);
		}

		public static Prepared skipped(String destination, String destinationKey, Message message, String reason) {
			return new Prepared(destination, destinationKey, message, DeliveryStatus.SKIPPED, reason);
		}

	}

}
