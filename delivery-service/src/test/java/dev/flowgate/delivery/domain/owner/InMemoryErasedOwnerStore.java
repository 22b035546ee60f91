package dev.flowgate.delivery.domain.owner;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The erased owners' store's contract, in memory. */
public class InMemoryErasedOwnerStore implements ErasedOwnerStore {

	private final Map<String, Instant> erased = new ConcurrentHashMap<>();

	@Override
	public void add(String ownerId, Instant erasedAt) {
		this.erased.putIfAbsent(ownerId, erasedAt);
	}

	@Override
	public boolean contains(String ownerId) {
		return this.erased.containsKey(ownerId);
	}

	@Override
	public Set<String> containedIn(Collection<String> ownerIds) {
		return ownerIds.stream().filter(this.erased::containsKey).collect(Collectors.toSet());
	}

	/** When the owner was first recorded as erased, or {@code null}. */
	public Instant erasedAt(String ownerId) {
		return this.erased.get(ownerId);
	}

}
