package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.flowgate.keys.domain.PageCursor;
import dev.flowgate.keys.domain.owner.Owner;
import dev.flowgate.keys.domain.owner.OwnerDeletion;
import dev.flowgate.keys.domain.owner.OwnerStore;

/** The owner store in memory, for domain tests without MongoDB. */
class InMemoryOwnerStore implements OwnerStore {

	private final Map<String, Owner> owners = new ConcurrentHashMap<>();

	private final Map<String, OwnerDeletion> deleted = new ConcurrentHashMap<>();

	private final Set<String> unannounced = ConcurrentHashMap.newKeySet();

	Map<String, Owner> stored() {
		return this.owners;
	}

	@Override
	public void insert(Owner owner) {
		this.owners.put(owner.id(), owner);
	}

	@Override
	public boolean exists(String ownerId) {
		return this.owners.containsKey(ownerId);
	}

	@Override
	public Optional<Owner> find(String ownerId) {
		return Optional.ofNullable(this.owners.get(ownerId));
	}

	/** As MongoDB's query: newest first, the id breaking ties. */
	@Override
	public List<Owner> findNewest(PageCursor after, int count) {
		return this.owners.values()
			.stream()
			.sorted(Comparator.comparing(Owner::createdAt).thenComparing(Owner::id).reversed())
			.filter((owner) -> after == null || owner.createdAt().isBefore(after.createdAt())
					|| owner.createdAt().equals(after.createdAt()) && owner.id().compareTo(after.id()) < 0)
			.limit(count)
			.toList();
	}

	@Override
	public void delete(String ownerId) {
		this.owners.remove(ownerId);
	}

	@Override
	public boolean markDeleted(String ownerId, Instant deletedAt) {
		if (this.owners.remove(ownerId) == null) {
			return false;
		}
		this.deleted.put(ownerId, new OwnerDeletion(ownerId, deletedAt));
		this.unannounced.add(ownerId);
		return true;
	}

	@Override
	public List<OwnerDeletion> unannouncedDeletions(int count) {
		return this.unannounced.stream().limit(count).map(this.deleted::get).toList();
	}

	@Override
	public void markAnnounced(String ownerId) {
		this.unannounced.remove(ownerId);
	}

	@Override
	public boolean isDeleted(String ownerId) {
		return this.deleted.containsKey(ownerId);
	}

}
