package dev.flowgate.keys.domain.key;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dev.flowgate.keys.domain.InvalidRequestException;
import dev.flowgate.keys.domain.Page;
import dev.flowgate.keys.domain.PageCursor;
import dev.flowgate.keys.domain.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An owner's keys: every change is stored first and then published at once; if that
 * publication fails, {@link KeyPublication#publishPending()} catches up later.
 */
public class KeyService {

	private static final Logger log = LoggerFactory.getLogger(KeyService.class);

	private static final int CHANGE_ATTEMPTS = 3;

	private final KeyStore store;

	private final KeyPublication publication;

	private final DeploymentDirectory deployments;

	private final DeletedOwners deletedOwners;

	private final Clock clock;

	private final int keysPerOwner;

	private final Duration selfRotationGrace;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param keysPerOwner the most keys an owner may have, active or not: every key is
	 * held in every gateway's memory
	 * @param selfRotationGrace the grace period of a rotation made with the key being
	 * rotated that asks for none
	 */
	public KeyService(KeyStore store, KeyPublication publication, DeploymentDirectory deployments,
			DeletedOwners deletedOwners, Clock clock, int keysPerOwner, Duration selfRotationGrace) {
		if (selfRotationGrace.isNegative() || selfRotationGrace.compareTo(KeyCredential.MAX_GRACE_PERIOD) > 0) {
			throw new IllegalArgumentException("The self-rotation grace (" + selfRotationGrace
					+ ") must be between 0 and " + KeyCredential.MAX_GRACE_PERIOD);
		}
		this.store = store;
		this.publication = publication;
		this.deployments = deployments;
		this.deletedOwners = deletedOwners;
		this.clock = clock;
		this.keysPerOwner = keysPerOwner;
		this.selfRotationGrace = selfRotationGrace;
	}

	/** A key made without one (by the platform admin): nothing bounds it. */
	public IssuedKey issue(String ownerId, KeyRequest request) {
		return issue(ownerId, request, null);
	}

	/**
	 * @param callingKeyId the key the call was made with, or {@code null}: the new key
	 * expires no later and is limited no less ({@link CallerBounds})
	 * @throws InvalidRequestException when the key is scoped to a deployment the owner
	 * does not have, or would outlive the calling key or be limited less
	 * @throws KeyLimitReachedException when the owner has as many keys as one may have
	 * @throws DeploymentDirectoryUnavailableException when that cannot be checked now
	 * @throws CallingKeyNotFoundException when the calling key is gone
	 * @throws OwnerDeletedException when the owner was deleted meanwhile
	 */
	public IssuedKey issue(String ownerId, KeyRequest asked, String callingKeyId) {
		KeyRequest request = boundsOf(ownerId, callingKeyId).bound(asked);
		KeySecret secret = KeySecret.generate(this.random);
		// Checked in full first: no remote check for a key refused anyway.
		ApiKey key = ApiKey.issue(UUID.randomUUID().toString(), ownerId, request, secret, now());
		if (this.store.countOwned(ownerId) >= this.keysPerOwner) {
			throw new KeyLimitReachedException(this.keysPerOwner);
		}
		requireOwnDeployments(ownerId, request.permissions().deploymentIds());
		this.store.insert(key);
		if (pastLimitOnceStored(ownerId)) {
			// Issued at the same time as another (or during this one's deployment check):
			// withdrawn, as that one may be; its secret was never shown.
			delete(ownerId, key.id());
			throw new KeyLimitReachedException(this.keysPerOwner);
		}
		if (this.deletedOwners.isDeleted(ownerId)) {
			// Checked once stored: a deletion marked after this check lists the owner's
			// keys later, this one among them; one marked before is seen here.
			delete(ownerId, key.id());
			throw new OwnerDeletedException(ownerId);
		}
		publishNow(key.id());
		return new IssuedKey(key, secret);
	}

	/**
	 * A page of the owner's keys, newest first. Keys created while a client pages come
	 * before its first page, so that pass does not show them; none is shown twice.
	 * @param cursor the previous page's {@link Page#nextCursor()}, or {@code null} for
	 * the first page
	 * @param limit the most keys on the page, or {@code null} for
	 * {@link PageRequest#DEFAULT_LIMIT}
	 * @throws InvalidRequestException for a limit out of range or a cursor that is not
	 * from a page
	 */
	public Page<ApiKey> list(String ownerId, String cursor, Integer limit) {
		PageRequest request = PageRequest.of(cursor, limit);
		return request.pageOf(this.store.findNewestOwned(ownerId, request.after(), request.fetchSize()),
				(key) -> new PageCursor(key.createdAt(), key.id()));
	}

	/**
	 * How many keys each owner has that work now: active, not expired, not deleted.
	 * @return by owner id, {@code 0} for each without one
	 */
	public Map<String, Long> countActive(Collection<String> ownerIds) {
		if (ownerIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> counted = this.store.countActive(ownerIds, now());
		return ownerIds.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (ownerId) -> counted.getOrDefault(ownerId, 0L)));
	}

	public ApiKey get(String ownerId, String keyId) {
		return this.store.findOwned(ownerId, keyId).orElseThrow(() -> new KeyNotFoundException(keyId));
	}

	/**
	 * @param callingKeyId the key the call was made with, or {@code null} (the platform
	 * admin, whom nothing bounds): an expiry or a limit the change sets may not outlast
	 * it or be less ({@link CallerBounds}), on any key, itself included
	 * @throws InvalidRequestException when a change breaks a rule, or adds a deployment
	 * the owner does not have
	 * @throws DeploymentDirectoryUnavailableException when that cannot be checked now
	 * @throws CallingKeyNotFoundException when the calling key is gone
	 */
	public ApiKey change(String ownerId, String keyId, KeyChanges changes, String callingKeyId) {
		boundsOf(ownerId, callingKeyId).check(changes);
		Instant now = now();
		if (changes.deploymentIds() != null) {
			ApiKey current = get(ownerId, keyId);
			// Checked in full first: deployment-service is not asked about a list refused
			// anyway (a blank id, more than the limit).
			Set<String> added = new TreeSet<>(current.change(changes, now).permissions().deploymentIds());
			// Only new ones are asked about: one deleted since it was added may stay.
			added.removeAll(current.permissions().deploymentIds());
			requireOwnDeployments(ownerId, added);
		}
		return change(ownerId, keyId, (key) -> key.change(changes, now));
	}

	public ApiKey deactivate(String ownerId, String keyId) {
		return change(ownerId, keyId, ApiKey::deactivate);
	}

	public ApiKey activate(String ownerId, String keyId) {
		return change(ownerId, keyId, ApiKey::activate);
	}

	/**
	 * @param gracePeriod how long the old secret keeps working, honoured as asked (zero
	 * included: a leaked key must stop at once, even rotated with itself); {@code null}
	 * when not asked for: none then, unless the key rotates itself
	 * @param callingKeyId the key the call was made with, or {@code null}: rotating that
	 * very key without a grace period asked for keeps its old secret for the
	 * self-rotation grace, as a lost answer would otherwise leave its owner with neither
	 * secret
	 * @param withPreviousSecret whether the call was made with the secret an earlier
	 * rotation replaced: a key rotating itself so, whose earlier answer was lost, keeps
	 * that secret for the grace period, the only one its caller holds
	 */
	public IssuedKey rotate(String ownerId, String keyId, Duration gracePeriod, String callingKeyId,
			boolean withPreviousSecret) {
		KeySecret secret = KeySecret.generate(this.random);
		Instant now = now();
		Duration grace = (gracePeriod != null) ? gracePeriod : unaskedGrace(keyId, callingKeyId);
		boolean keepPrevious = withPreviousSecret && keyId.equals(callingKeyId);
		ApiKey rotated = change(ownerId, keyId, (key) -> key.rotate(secret, grace, now, keepPrevious));
		return new IssuedKey(rotated, secret);
	}

	public void delete(String ownerId, String keyId) {
		change(ownerId, keyId, ApiKey::delete);
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

	private CallerBounds boundsOf(String ownerId, String callingKeyId) {
		if (callingKeyId == null) {
			return CallerBounds.NONE;
		}
		return CallerBounds.of(this.store.findOwned(ownerId, callingKeyId)
			.orElseThrow(() -> new CallingKeyNotFoundException(callingKeyId)));
	}

	private Duration unaskedGrace(String keyId, String callingKeyId) {
		return keyId.equals(callingKeyId) ? this.selfRotationGrace : Duration.ZERO;
	}

	private void requireOwnDeployments(String ownerId, Set<String> deploymentIds) {
		if (deploymentIds.isEmpty()) {
			return;
		}
		Set<String> unknown = new TreeSet<>(this.deployments.unknownAmong(ownerId, deploymentIds));
		if (!unknown.isEmpty()) {
			throw new InvalidRequestException("deploymentIds",
					"names no deployment of yours: " + String.join(", ", unknown));
		}
	}

	private ApiKey change(String ownerId, String keyId, UnaryOperator<ApiKey> change) {
		Stored stored = store(ownerId, keyId, change);
		if (stored.changed()) {
			publishNow(keyId);
		}
		return stored.key();
	}

	/**
	 * Each key stored as one changed alone, each published after it; once a send fails
	 * the rest are left to the relay, so that a broker that is down costs one send's
	 * wait, not one per key.
	 */
	private int changeAll(String ownerId, UnaryOperator<ApiKey> change) {
		int changed = 0;
		boolean publishing = true;
		String cursor = null;
		do {
			Page<ApiKey> page = list(ownerId, cursor, PageRequest.MAX_LIMIT);
			for (ApiKey key : page.items()) {
				try {
					if (store(ownerId, key.id(), change).changed()) {
						changed++;
						publishing = publishing && publishNow(key.id());
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

	private Stored store(String ownerId, String keyId, UnaryOperator<ApiKey> change) {
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
	 * Whether the owner has more keys than allowed, a new one counted. Stored, the key
	 * goes to the caller if the count fails: its secret exists only in the answer.
	 */
	private boolean pastLimitOnceStored(String ownerId) {
		try {
			return this.store.countOwned(ownerId) > this.keysPerOwner;
		}
		catch (RuntimeException ex) {
			log.warn("Keys of owner {} not counted again after an issue: {}", ownerId, ex.getMessage());
			return false;
		}
	}

	/**
	 * The change is stored, so the caller must get its answer (a rotated secret exists
	 * only in it) even if publishing fails: the republisher catches up.
	 */
	private boolean publishNow(String keyId) {
		try {
			return this.publication.publish(keyId);
		}
		catch (RuntimeException ex) {
			log.warn("Key {} is stored but not yet published: {}", keyId, ex.getMessage());
			return false;
		}
	}

	/** MongoDB keeps milliseconds; the same precision here keeps every event alike. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** A key after a change, and whether the change did anything to it. */
	private record Stored(ApiKey key, boolean changed) {
	}

}
