package dev.flowgate.deployments.domain.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Where idempotency records are kept, one per owner and key. */
public interface IdempotencyStore {

	/** Inserts an in-progress record; {@code false} if one with its id exists. */
	boolean insert(IdempotencyRecord record);

	Optional<IdempotencyRecord> find(IdempotencyKey id);

	/**
	 * Replaces {@code stale} with the in-progress {@code fresh}, unless it changed since
	 * it was read (another request took it over, or completed it).
	 */
	boolean replace(IdempotencyRecord stale, IdempotencyRecord fresh);

	/**
	 * Stores the answer of the attempt that began at {@code claim}'s start, if still its.
	 */
	void complete(IdempotencyRecord claim, StoredAnswer answer);

	/** Removes the attempt's record if it is still in progress and its own. */
	void release(IdempotencyRecord claim);

	/** Returns how many records begun before {@code cutoff} were removed. */
	long deleteStartedBefore(Instant cutoff);

	/**
	 * Removes up to {@code limit} of the owner's records: the owner was deleted.
	 * @return how many it found, 0 once none is left
	 */
	int deleteOwned(String ownerId, int limit);

}
