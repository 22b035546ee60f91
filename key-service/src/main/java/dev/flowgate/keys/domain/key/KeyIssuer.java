package dev.flowgate.keys.domain.key;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

import dev.flowgate.keys.domain.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issues an owner's keys, within the owner's limit and the calling key's bounds. */
public class KeyIssuer {

	private static final Logger log = LoggerFactory.getLogger(KeyIssuer.class);

	private final KeyStore store;

	private final StoredKeys keys;

	private final DeploymentDirectory deployments;

	private final DeletedOwners deletedOwners;

	private final int keysPerOwner;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param keysPerOwner the most keys an owner may have, active or not: every key is
	 * held in every gateway's memory
	 */
	public KeyIssuer(KeyStore store, KeyPublication publication, DeploymentDirectory deployments,
			DeletedOwners deletedOwners, Clock clock, int keysPerOwner) {
		this.store = store;
		this.keys = new StoredKeys(store, publication, clock);
		this.deployments = deployments;
		this.deletedOwners = deletedOwners;
		this.keysPerOwner = keysPerOwner;
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
		KeyRequest request = this.keys.boundsOf(ownerId, callingKeyId).bound(asked);
		KeySecret secret = KeySecret.generate(this.random);
		// Checked in full first: no remote check for a key refused anyway.
		ApiKey key = ApiKey.issue(UUID.randomUUID().toString(), ownerId, request, secret, this.keys.now());
		if (this.store.countOwned(ownerId) >= this.keysPerOwner) {
			throw new KeyLimitReachedException(this.keysPerOwner);
		}
		StoredKeys.requireOwnDeployments(this.deployments, ownerId, request.permissions().deploymentIds());
		this.store.insert(key);
		if (pastLimitOnceStored(ownerId)) {
			// Issued at the same time as another (or during this one's deployment check):
			// withdrawn, as that one may be; its secret was never shown.
			this.keys.change(ownerId, key.id(), ApiKey::delete);
			throw new KeyLimitReachedException(this.keysPerOwner);
		}
		if (this.deletedOwners.isDeleted(ownerId)) {
			// Checked once stored: a deletion marked after this check lists the owner's
			// keys later, this one among them; one marked before is seen here.
			this.keys.change(ownerId, key.id(), ApiKey::delete);
			throw new OwnerDeletedException(ownerId);
		}
		this.keys.publishNow(key.id());
		return new IssuedKey(key, secret);
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

}
