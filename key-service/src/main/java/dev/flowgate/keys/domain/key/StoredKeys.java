package dev.flowgate.keys.domain.key;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import dev.flowgate.keys.domain.InvalidRequestException;
import dev.flowgate.keys.domain.Page;
import dev.flowgate.keys.domain.PageCursor;
import dev.flowgate.keys.domain.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An owner's stored keys, as every operation reads and changes them: a change is stored
 * first (again if another change raced it), then published at once; if that publication
 * fails, {@link KeyPublication#publishPending()} catches up later.
 */
final class StoredKeys {

	private static final Logger log = LoggerFactory.getLogger(StoredKeys.class);

	private static final int CHANGE_ATTEMPTS = 3;

	private final KeyStore store;

	private final KeyPublication publication;

	private final Clock clock;

	StoredKeys(KeyStore store, KeyPublication publication, Clock clock) {
		this.store = store;
		this.publication = publication;
		this.clock = clock;
	}

	ApiKey get(String ownerId, String keyId) {
		return this.store.findOwned(ownerId, keyId).orElseThrow(() -> new KeyNotFoundException(keyId));
	}

	/**
	 * A page of the owner's keys, newest first.
	 * @throws InvalidRequestException for a limit out of range or a cursor that is not
	 * from a page
	 */
	Page<ApiKey> page(String ownerId, String cursor, Integer limit) {
		PageRequest request = PageRequest.of(cursor, limit);
		return request.pageOf(this.store.findNewestOwned(ownerId, request.after(), request.fetchSize()),
				(key) -> new PageCursor(key.createdAt(), key.id()));
	}

	/** Stores the change and publishes the key if the change did anything to it. */
	ApiKey change(String ownerId, String keyId, UnaryOperator<ApiKey> change) {
		Stored stored = store(ownerId, keyId, change);
		if (stored.changed()) {
			publishNow(keyId);
		}
		return stored.key();
	}

	Stored store(String ownerId, String keyId, UnaryOperator<ApiKey> change) {
		for (int attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
			ApiKey current = get(ownerId, keyId);
			ApiKey changed = change.apply(current);
			if (changed == current) {
				return new Stored(current, false);
			}
			if (this.store.replace(changed)) {
				return new Stored(changed, true);
			}
		}
		throw new ConcurrentKeyChangeException(keyId);
	}

	/**
	 * The change is stored, so the caller must get its answer (a rotated secret exists
	 * only in it) even if publishing fails: the republisher catches up.
	 * @return whether the key was published
	 */
	boolean publishNow(String keyId) {
		try {
			return this.publication.publish(keyId);
		}
		catch (RuntimeException ex) {
			log.warn("Key {} is stored but not yet published: {}", keyId, ex.getMessage());
			return false;
		}
	}

	/** What a key made or changed with the calling key may have at most. */
	CallerBounds boundsOf(String ownerId, String callingKeyId) {
		if (callingKeyId == null) {
			return CallerBounds.NONE;
		}
		return CallerBounds.of(this.store.findOwned(ownerId, callingKeyId)
			.orElseThrow(() -> new CallingKeyNotFoundException(callingKeyId)));
	}

	/** MongoDB keeps milliseconds; the same precision here keeps every event alike. */
	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	static void requireOwnDeployments(DeploymentDirectory deployments, String ownerId, Set<String> deploymentIds) {
		if (deploymentIds.isEmpty()) {
			return;
		}
		Set<String> unknown = new TreeSet<>(deployments.unknownAmong(ownerId, deploymentIds));
		if (!unknown.isEmpty()) {
			throw new InvalidRequestException("deploymentIds",
					"names no deployment of yours: " + String.join(", ", unknown));
		}
	}

	/** A key after a change, and whether the change did anything to it. */
	record Stored(ApiKey key, boolean changed) {
	}

}
