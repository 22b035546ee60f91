package dev.flowgate.delivery.domain.owner;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The owners whose data was erased, by id alone: kept so that nothing of theirs is stored
 * or sent again (a result of an execution that was still running, an attempt in flight).
 */
public interface ErasedOwnerStore {

	/** Records the owner as erased; recording it again keeps the first time. */
	void add(String ownerId, Instant erasedAt);

	boolean contains(String ownerId);

	/** Those of the owners that were erased. */
	Set<String> containedIn(Collection<String> ownerIds);

}
