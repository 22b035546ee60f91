package dev.flowgate.keys.domain.key;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.keys.domain.InvalidRequestException;

/**
 * What the gateway compares a presented key against: hashes only.
 *
 * @param previousSecretHash the replaced secret's hash while a rotation's grace period
 * runs, or {@code null}
 * @param previousSecretValidUntil the end of that grace period, or {@code null}
 */
public record KeyCredential(String hint, String secretHash, String previousSecretHash,
		Instant previousSecretValidUntil) {

	/** Rotations can keep the old secret working for at most a day. */
	public static final Duration MAX_GRACE_PERIOD = Duration.ofDays(1);

	public static KeyCredential of(KeySecret secret) {
		return new KeyCredential(secret.hint(), secret.hash(), null, null);
	}

	/**
	 * Replaces the secret. Only the secret being replaced survives the grace period: one
	 * left over from an earlier rotation stops working now.
	 */
	/**
	 * Replaces the secret, keeping for the grace period the one the caller holds: the
	 * previous secret if {@code keepPrevious} and it is still there (a key rotating
	 * itself with the secret an earlier rotation replaced, whose answer it never got),
	 * else the current one.
	 */
	KeyCredential rotateTo(KeySecret next, Duration gracePeriod, Instant now, boolean keepPrevious) {
		if (gracePeriod.isNegative() || gracePeriod.compareTo(MAX_GRACE_PERIOD) > 0) {
			throw new InvalidRequestException("gracePeriodSeconds",
					"must be between 0 and " + MAX_GRACE_PERIOD.toSeconds());
		}
		if (gracePeriod.isZero()) {
			return of(next);
		}
		String kept = (keepPrevious && this.previousSecretHash != null) ? this.previousSecretHash : this.secretHash;
		return new KeyCredential(next.hint(), next.hash(), kept, now.plus(gracePeriod));
	}

}
