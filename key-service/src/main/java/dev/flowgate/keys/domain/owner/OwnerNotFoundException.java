package dev.flowgate.keys.domain.owner;

/** No owner with this id. */
public class OwnerNotFoundException extends RuntimeException {

	public OwnerNotFoundException(String ownerId) {
		super("Owner '" + ownerId + "' not found");
	}

}
