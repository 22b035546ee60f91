package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flowgate.keys.domain.PageCursor;

/**
 * Where keys live. A stored key counts as unpublished until {@link KeyOutbox} says so.
 */
public interface KeyStore {

	void insert(ApiKey key);

	/** The owner's key, unless it is deleted. */
	Optional<ApiKey> findOwned(String ownerId, String keyId);

	/**
	 * Up to {@code count} of the owner's keys that are not deleted, newest first, those
	 * created in the same millisecond by id descending.
	 * @param after only keys after this one in that order, or {@code null} from the
	 * newest
	 */
	List<ApiKey> findNewestOwned(String ownerId, PageCursor after, int count);

	/** How many keys the owner has that are not deleted. */
	long countOwned(String ownerId);

	/**
	 * How many keys each owner has that work at {@code now}: active, not expired, not
	 * deleted.
	 * @return by owner id; an owner without such keys may be missing
	 */
	Map<String, Long> countActive(Collection<String> ownerIds, Instant now);

	/**
	 * Stores a changed key if nobody changed it since it was read, i.e. the stored
	 * version is {@code changed.version() - 1}.
	 * @return whether it was stored
	 */
	boolean replace(ApiKey changed);

	/**
	 * Sets the key's last use to {@code usedAt} unless it was already used at or after
	 * {@code usedSince}. It is not a state change: the key stays published.
	 */
	void recordUse(String keyId, Instant usedAt, Instant usedSince);

}
