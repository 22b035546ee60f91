package dev.flowgate.keys.domain.key;

/** Owners the platform admin deleted: they get no new key. */
@FunctionalInterface
public interface DeletedOwners {

	/** For a store without owners: none is deleted. */
	DeletedOwners NONE = (ownerId) -> false;

	boolean isDeleted(String ownerId);

}
