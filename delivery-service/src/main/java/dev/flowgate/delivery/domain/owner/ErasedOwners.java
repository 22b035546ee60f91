package dev.flowgate.delivery.domain.owner;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

import dev.flowgate.delivery.domain.ExpiringCache;

/**
 * Which owners were erased: asked before a result is stored, before every attempt, and
 * after writing a signing secret or a disabled callback, so that an erased owner's data
 * does not come back.
 */
public final class ErasedOwners {

	private final ErasedOwnerStore store;

	private final ExpiringCache<String, Boolean> forSending;

	private final Clock clock;

	/**
	 * @param cacheTtl how long an answer read for sending is used without reading it
	 * again: how late another instance's erasure may stop this one's attempts
	 */
	public ErasedOwners(ErasedOwnerStore store, Duration cacheTtl, Clock clock) {
		this.store = store;
		this.forSending = new ExpiringCache<>(cacheTtl, clock);
		this.clock = clock;
	}

	/**
	 * Whether the owner was erased, as read for sending (every attempt asks): an erasure
	 * made here applies at once, one made by another instance within the time to live.
	 */
	public boolean isErased(String ownerId) {
		return this.forSending.get(ownerId, this.store::contains);
	}

	/**
	 * Whether the owner was erased, read now. For a write that must not bring back what
	 * an erasure removed, asked after the write: an erasure that ran meanwhile has either
	 * removed what was written or recorded the owner before this read.
	 */
	public boolean isErasedNow(String ownerId) {
		return this.store.contains(ownerId);
	}

	/** Of these owners, those erased, read now (one read for a poll of results). */
	public Set<String> erasedAmong(Collection<String> ownerIds) {
		return ownerIds.isEmpty() ? Set.of() : this.store.containedIn(ownerIds);
	}

	/** Records the owner as erased, before its records go. */
	void remember(String ownerId) {
		this.store.add(ownerId, this.clock.instant());
		this.forSending.invalidate(ownerId);
	}

}
