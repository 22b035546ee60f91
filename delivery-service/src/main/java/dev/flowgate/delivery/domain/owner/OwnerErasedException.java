package dev.flowgate.delivery.domain.owner;

/**
 * The owner was deleted and what this service kept of it erased: nothing of it is sent,
 * stored or created again.
 */
public final class OwnerErasedException extends RuntimeException {

	public OwnerErasedException(String ownerId) {
		super("Owner " + ownerId + " was deleted");
	}

}
