package dev.flowgate.keys.domain.key;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dev.flowgate.keys.domain.Page;
import dev.flowgate.keys.domain.PageRequest;

/**
 * Every key of an owner at once: counted, deactivated or deleted. A change to them all
 * stores each key as one changed alone, each published after it; once a send fails the
 * rest are left to the relay, so that a broker that is down costs one send's wait, not
 * one per key.
 */
public class OwnerKeys {

	private final KeyStore store;

	private final StoredKeys keys;

	public OwnerKeys(KeyStore store, KeyPublication publication, Clock clock) {
		this.store = store;
		this.keys = new StoredKeys(store, publication, clock);
	}

	/**
	 * How many keys each owner has that work now: active, not expired, not deleted.
	 * @return by owner id, {@code 0} for each without one
	 */
	public Map<String, Long> countActive(Collection<String> ownerIds) {
		if (ownerIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> counted = this.store.countActive(ownerIds, this.keys.now());
		return ownerIds.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (ownerId) -> counted.getOrDefault(ownerId, 0L)));
	}

	/**
	 * Deactivates every key of the owner (the platform admin's bulk action).
	 * @return how many keys were active and are no longer
	 */
	public int deactivateAll(String ownerId) {
		return changeAll(ownerId, ApiKey::deactivate);
	}

	/**
	 * Deletes every key of the owner (its owner is deleted).
	 * @return how many keys were deleted
	 */
	public int deleteAll(String ownerId) {
		return changeAll(ownerId, ApiKey::delete);
	}

	private int changeAll(String ownerId, UnaryOperator<ApiKey> change) {
		int changed = 0;
		boolean publishing = true;
		String cursor = null;
		do {
			Page<ApiKey> page = this.keys.page(ownerId, cursor, PageRequest.MAX_LIMIT);
			for (ApiKey key : page.items()) {
				try {
					if (this.keys.store(ownerId, key.id(), change).changed()) {
						changed++;
						publishing = publishing && this.keys.publishNow(key.id());
					}
				}
				catch (KeyNotFoundException deletedMeanwhile) {
					// By its owner, or by another replica doing the same.
				}
			}
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return changed;
	}

}
