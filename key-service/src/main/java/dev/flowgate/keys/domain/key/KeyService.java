package dev.flowgate.keys.domain.key;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import dev.flowgate.keys.domain.InvalidRequestException;
import dev.flowgate.keys.domain.Page;
import dev.flowgate.keys.domain.PageRequest;

/**
 * An owner's keys, read and changed one at a time; {@link KeyIssuer} issues them. Every
 * change is stored first and then published at once.
 */
public class KeyService {

	private final StoredKeys keys;

	private final DeploymentDirectory deployments;

	private final Duration selfRotationGrace;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param selfRotationGrace the grace period of a rotation made with the key being
	 * rotated that asks for none
	 */
	public KeyService(KeyStore store, KeyPublication publication, DeploymentDirectory deployments, Clock clock,
			Duration selfRotationGrace) {
		if (selfRotationGrace.isNegative() || selfRotationGrace.compareTo(KeyCredential.MAX_GRACE_PERIOD) > 0) {
			throw new IllegalArgumentException("The self-rotation grace (" + selfRotationGrace
					+ ") must be between 0 and " + KeyCredential.MAX_GRACE_PERIOD);
		}
		this.keys = new StoredKeys(store, publication, clock);
		this.deployments = deployments;
		this.selfRotationGrace = selfRotationGrace;
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
		return this.keys.page(ownerId, cursor, limit);
	}

	public ApiKey get(String ownerId, String keyId) {
		return this.keys.get(ownerId, keyId);
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
		this.keys.boundsOf(ownerId, callingKeyId).check(changes);
		Instant now = this.keys.now();
		if (changes.deploymentIds() != null) {
			ApiKey current = get(ownerId, keyId);
			// Checked in full first: deployment-service is not asked about a list refused
			// anyway (a blank id, more than the limit).
			Set<String> added = new TreeSet<>(current.change(changes, now).permissions().deploymentIds());
			// Only new ones are asked about: one deleted since it was added may stay.
			added.removeAll(current.permissions().deploymentIds());
			StoredKeys.requireOwnDeployments(this.deployments, ownerId, added);
		}
		return this.keys.change(ownerId, keyId, (key) -> key.change(changes, now));
	}

	public ApiKey deactivate(String ownerId, String keyId) {
		return this.keys.change(ownerId, keyId, ApiKey::deactivate);
	}

	public ApiKey activate(String ownerId, String keyId) {
		return this.keys.change(ownerId, keyId, ApiKey::activate);
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
		Instant now = this.keys.now();
		Duration grace = (gracePeriod != null) ? gracePeriod : unaskedGrace(keyId, callingKeyId);
		boolean keepPrevious = withPreviousSecret && keyId.equals(callingKeyId);
		ApiKey rotated = this.keys.change(ownerId, keyId, (key) -> key.rotate(secret, grace, now, keepPrevious));
		return new IssuedKey(rotated, secret);
	}

	public void delete(String ownerId, String keyId) {
		this.keys.change(ownerId, keyId, ApiKey::delete);
	}

	private Duration unaskedGrace(String keyId, String callingKeyId) {
		return keyId.equals(callingKeyId) ? this.selfRotationGrace : Duration.ZERO;
	}

}
