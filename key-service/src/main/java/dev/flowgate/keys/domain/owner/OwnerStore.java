package dev.flowgate.keys.domain.owner;

import java.util.List;
import java.util.Optional;

import dev.flowgate.keys.domain.PageCursor;

/** Where owners live. */
public interface OwnerStore {

	void insert(Owner owner);

	boolean exists(String ownerId);

	Optional<Owner> find(String ownerId);

	/**
	 * Up to {@code count} owners, newest first, those created in the same millisecond by
	 * id descending.
	 * @param after only owners after this one in that order, or {@code null} from the
	 * newest
	 */
	List<Owner> findNewest(PageCursor after, int count);

	void delete(String ownerId);

}
