package dev.flowgate.delivery.domain.signing;

import java.time.Duration;
import java.time.Instant;

/**
 * One owner's webhook signing secret, and the previous one while a rotation overlaps.
 *
 * @param revealed whether the owner has been shown the current secret
 * @param previous the secret before the last rotation, or {@code null}
 * @param previousValidUntil until when webhooks are also signed with {@code previous}
 * @param version bumped by every change, for conditional updates
 */
public record OwnerSecret(String ownerId, WebhookSecret current, Instant createdAt, boolean revealed,
		WebhookSecret previous, Instant previousValidUntil, Instant rotatedAt, long version) {

	static OwnerSecret created(String ownerId, WebhookSecret secret, Instant now, boolean revealed) {
		return new OwnerSecret(ownerId, secret, now, revealed, null, null, null, 1);
	}

	public SigningKeys keysAt(Instant now) {
		boolean overlapping = this.previous != null && now.isBefore(this.previousValidUntil);
		return new SigningKeys(this.current, overlapping ? this.previous : null);
	}

	OwnerSecret reveal() {
		return new OwnerSecret(this.ownerId, this.current, this.createdAt, true, this.previous, this.previousValidUntil,
				this.rotatedAt, this.version + 1);
	}

	/**
	 * A new current secret; the old one keeps signing for {@code overlap}, unless nobody
	 * was ever shown it.
	 */
	OwnerSecret rotate(WebhookSecret next, Instant now, Duration overlap) {
		boolean keepPrevious = this.revealed && !overlap.isZero();
		return new OwnerSecret(this.ownerId, next, now, true, keepPrevious ? this.current : null,
				keepPrevious ? now.plus(overlap) : null, now, this.version + 1);
	}

}
