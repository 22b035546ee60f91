package dev.flowgate.keys.domain.owner;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.flowgate.keys.domain.key.OwnerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting an owner: it is marked deleted first, then its keys are deleted (each
 * published as a tombstone, so gateways refuse them), then the deletion is announced so
 * that the other services erase what they keep of the owner. Each step is stored before
 * the next, so a crash or an unavailable broker only delays the rest:
 * {@link #finishPending()} completes it.
 */
public class OwnerDeletions {

	private static final Logger log = LoggerFactory.getLogger(OwnerDeletions.class);

	private final OwnerStore owners;

	private final OwnerKeys keys;

	private final OwnerDeletionPublisher publisher;

	private final Clock clock;

	private final int batchSize;

	/**
	 * @param batchSize the most pending deletions {@link #finishPending()} takes at once
	 */
	public OwnerDeletions(OwnerStore owners, OwnerKeys keys, OwnerDeletionPublisher publisher, Clock clock,
			int batchSize) {
		this.owners = owners;
		this.keys = keys;
		this.publisher = publisher;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	/**
	 * Deletes the owner at once for key-service (it is not found any more and gets no new
	 * key); its keys and the other services' data follow, here or from
	 * {@link #finishPending()}.
	 * @throws OwnerNotFoundException when there is no such owner
	 */
	public void delete(String ownerId) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (!this.owners.markDeleted(ownerId, now)) {
			throw new OwnerNotFoundException(ownerId);
		}
		try {
			finish(new OwnerDeletion(ownerId, now));
		}
		catch (RuntimeException ex) {
			log.warn("Owner {} is deleted; its keys and announcement wait for the relay: {}", ownerId, ex.getMessage());
		}
	}

	/** Completes deletions; stops at the first unannounced one, the broker being down. */
	public void finishPending() {
		for (OwnerDeletion deletion : this.owners.unannouncedDeletions(this.batchSize)) {
			if (!finish(deletion)) {
				return;
			}
		}
	}

	private boolean finish(OwnerDeletion deletion) {
		this.keys.deleteAll(deletion.ownerId());
		if (!this.publisher.announce(deletion)) {
			return false;
		}
		this.owners.markAnnounced(deletion.ownerId());
		return true;
	}

}
