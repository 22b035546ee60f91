package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The publication side of the key store: which stored versions still have to reach the
 * topic. At most one publisher holds a key at a time, so no older state can overtake a
 * newer one on the topic.
 */
public interface KeyOutbox {

	/** Keys whose stored version is not published yet and that nobody holds. */
	List<String> pendingKeyIds(Instant now, int limit);

	/**
	 * Claims the key until {@code until} if it has an unpublished version and is free.
	 */
	Optional<PublicationClaim> claim(String keyId, Instant now, Instant until);

	/**
	 * The claimed version reached the topic: remember it and free the key. A deleted key
	 * stays (deleted) as long as the topic keeps its tombstone, so that the tombstone can
	 * be sent again, and goes after that.
	 */
	void markPublished(PublicationClaim claim);

	/** Nothing reached the topic: free the key for the next attempt. */
	void release(PublicationClaim claim);

}
