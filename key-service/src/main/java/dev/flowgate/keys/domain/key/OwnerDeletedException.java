package dev.flowgate.keys.domain.key;

/** A key for an owner deleted meanwhile: it was withdrawn, its secret never shown. */
public class OwnerDeletedException extends RuntimeException {

	public OwnerDeletedException(String ownerId) {
		super("Owner '" + ownerId + "' was deleted");
	}

}
