package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Owners whose data was erased after the platform admin deleted them, kept for good (one
 * small entry an owner; owner ids are never reused). An execution still in flight when
 * its owner was erased reports its start and result later: those events must not bring a
 * record of it back.
 */
public interface ErasedOwners {

	/** Remembers the owner as erased; remembering one again changes nothing. */
	void remember(String ownerId, Instant erasedAt);

	/** Those of {@code ownerIds} that were erased, read at once. */
	Set<String> among(Collection<String> ownerIds);

}
