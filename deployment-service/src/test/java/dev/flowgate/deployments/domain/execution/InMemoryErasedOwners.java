package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Erased owners in a map, with when each was first erased, as MongoErasedOwners keeps
 * them.
 */
public final class InMemoryErasedOwners implements ErasedOwners {

	private final Map<String, Instant> erased = new ConcurrentHashMap<>();

	@Override
	public void remember(String ownerId, Instant erasedAt) {
		this.erased.putIfAbsent(ownerId, erasedAt);
	}

	@Override
	public Set<String> among(Collection<String> ownerIds) {
		return ownerIds.stream().filter(this.erased::containsKey).collect(Collectors.toSet());
	}

	/** When the owner was first erased, {@code null} if never. */
	public Instant erasedAt(String ownerId) {
		return this.erased.get(ownerId);
	}

}
