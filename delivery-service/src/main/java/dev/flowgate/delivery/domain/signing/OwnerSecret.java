package dev.flowgate.delivery.domain.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One owner's webhook signing secret, and the earlier ones whose rotation's overlap has
 * not ended: each keeps signing until its own deadline, however often the owner rotates
 * meanwhile.
 *
 * @param revealed whether the owner has been shown the current secret
 * @param previous the earlier secrets, newest first (some may have expired since)
 * @param version bumped by every change, for conditional updates
 */
public record OwnerSecret(String ownerId, WebhookSecret current, Instant createdAt, boolean revealed,
		List<PreviousSecret> previous, Instant rotatedAt, long version) {

	/**
	 * The most earlier secrets kept: a rotation beyond them ends the oldest's overlap
	 * early, so that a callback carries a few signatures at most.
	 */
	public static final int MAX_PREVIOUS = 4;

	public OwnerSecret {
		previous = (previous != null) ? List.copyOf(previous) : List.of();
	}

	static OwnerSecret created(String ownerId, WebhookSecret secret, Instant now, boolean revealed) {
		return new OwnerSecret(ownerId, secret, now, revealed, List.of(), null, 1);
	}

	/** Until when the last of the earlier secrets signs too, or {@code null}. */
	public Instant previousValidUntil() {
		return this.previous.stream().map(PreviousSecret::validUntil).max(Comparator.naturalOrder()).orElse(null);
	}

	public SigningKeys keysAt(Instant now) {
		return new SigningKeys(this.current,
				this.previous.stream().filter((p) -> p.signsAt(now)).map(PreviousSecret::secret).toList());
	}

	OwnerSecret reveal() {
		return new OwnerSecret(this.ownerId, this.current, this.createdAt, true, this.previous, this.rotatedAt,
				this.version + 1);
	}

	/**
	 * A new current secret; the old one keeps signing for {@code overlap}, unless nobody
	 * was ever shown it, and earlier ones until their own deadlines. A rotation without
	 * overlap (a leaked secret, say) ends every earlier one at once.
	 */
	OwnerSecret rotate(WebhookSecret next, Instant now, Duration overlap) {
		List<PreviousSecret> kept = new ArrayList<>();
		if (this.revealed && !overlap.isZero()) {
			kept.add(new PreviousSecret(this.current, now.plus(overlap)));
			this.previous.stream().filter((p) -> p.signsAt(now)).limit(MAX_PREVIOUS - 1).forEach(kept::add);
		}
		return new OwnerSecret(this.ownerId, next, now, true, kept, now, this.version + 1);
	}

	/** An earlier secret, signing alongside the current one until {@code validUntil}. */
	public record PreviousSecret(WebhookSecret secret, Instant validUntil) {

		boolean signsAt(Instant now) {
			return now.isBefore(this.validUntil);
		}

	}

}
