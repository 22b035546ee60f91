package dev.flowgate.delivery.domain.owner;

import java.util.function.IntUnaryOperator;

import dev.flowgate.delivery.domain.callback.DisabledCallbackService;
import dev.flowgate.delivery.domain.delivery.DeliveryStore;
import dev.flowgate.delivery.domain.signing.WebhookSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases what the service keeps of a deleted owner: its deliveries, whatever their
 * status, with their attempt logs; its webhook signing secret; its disabled callbacks.
 * The owner is recorded as erased first ({@link ErasedOwners}): from then on no result of
 * theirs is stored, no delivery of theirs attempted (a claim held by a worker included),
 * and no secret or stop of theirs written again. Then the records go, a batch at a time,
 * so a large owner is never held in memory. Erasing again (the event read again after a
 * crash, or by a new consumer group) finds nothing left.
 */
public final class OwnerErasure {

	/** Records deleted per store command. */
	public static final int BATCH_SIZE = 1000;

	private static final Logger log = LoggerFactory.getLogger(OwnerErasure.class);

	private final ErasedOwners erased;

	private final DeliveryStore deliveries;

	private final WebhookSecrets secrets;

	private final DisabledCallbackService disabled;

	private final int batchSize;

	public OwnerErasure(ErasedOwners erased, DeliveryStore deliveries, WebhookSecrets secrets,
			DisabledCallbackService disabled, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("The erasure's batch size must be at least 1");
		}
		this.erased = erased;
		this.deliveries = deliveries;
		this.secrets = secrets;
		this.disabled = disabled;
		this.batchSize = batchSize;
	}

	/**
	 * Erases everything kept of the owner.
	 * @return what it found to erase (nothing, when erasing again)
	 */
	public Erased erase(String ownerId) {
		if (ownerId == null || ownerId.isBlank()) {
			throw new IllegalArgumentException("An owner's deletion names no owner");
		}
		this.erased.remember(ownerId);
		long deliveries = inBatches((limit) -> this.deliveries.deleteSomeOf(ownerId, limit));
		boolean secret = this.secrets.forget(ownerId);
		long stops = inBatches((limit) -> this.disabled.forgetSomeOf(ownerId, limit));
		Erased erased = new Erased(deliveries, secret, stops);
		log.info("Erased deleted owner {}: {} deliveries with their attempts, {} signing secret, {} disabled callbacks",
				ownerId, deliveries, secret ? "its" : "no", stops);
		return erased;
	}

	/** Deletes a batch at a time until a batch finds nothing. */
	private long inBatches(IntUnaryOperator deleteSome) {
		long total = 0;
		int found;
		do {
			found = deleteSome.applyAsInt(this.batchSize);
			total += found;
		}
		while (found > 0);
		return total;
	}

	/**
	 * What one erasure removed.
	 *
	 * @param deliveries the owner's deliveries, with their attempt logs
	 * @param secret whether the owner had a signing secret
	 * @param disabledCallbacks the owner's callback stops
	 */
	public record Erased(long deliveries, boolean secret, long disabledCallbacks) {

		public boolean isEmpty() {
			return this.deliveries == 0 && !this.secret && this.disabledCallbacks == 0;
		}

	}

}
