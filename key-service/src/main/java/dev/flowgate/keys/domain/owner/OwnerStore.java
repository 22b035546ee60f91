package dev.flowgate.keys.domain.owner;

/** Where owners live. */
public interface OwnerStore {

	void insert(Owner owner);

	boolean exists(String ownerId);

	void delete(String ownerId);

}
