package dev.flowgate.keys.domain.owner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.flowgate.keys.domain.PageCursor;
import dev.flowgate.keys.domain.key.DeletedOwners;

/**
 * Where owners live. A deleted owner stays, marked, so that it gets no new key; every
 * other query leaves it out.
 */
public interface OwnerStore extends DeletedOwners {

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

	/** Takes back an owner just inserted. */
	void delete(String ownerId);

	/**
	 * Marks the owner deleted, its deletion still to be announced.
	 * @return {@code false} if there is no such owner or it is deleted already
	 */
	boolean markDeleted(String ownerId, Instant deletedAt);

	/** Up to {@code count} deleted owners whose deletion is not announced yet. */
	List<OwnerDeletion> unannouncedDeletions(int count);

	void markAnnounced(String ownerId);

}
