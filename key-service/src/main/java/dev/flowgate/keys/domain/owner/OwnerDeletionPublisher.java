package dev.flowgate.keys.domain.owner;

/** Tells the other services that an owner is deleted, so that they erase its data. */
public interface OwnerDeletionPublisher {

	/**
	 * @return whether the broker acknowledged it; if not, announcing again is harmless
	 * (erasing twice is)
	 */
	boolean announce(OwnerDeletion deletion);

}
