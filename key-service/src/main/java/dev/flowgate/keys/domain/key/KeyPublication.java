package dev.flowgate.keys.domain.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.flowgate.keys.domain.key.KeyStatePublisher.Delivery;

/**
 * Brings the key topic up to date with the store: right after each change, and again for
 * whatever a crash or an unavailable broker left unpublished.
 */
public class KeyPublication {

	private final KeyOutbox outbox;

	private final KeyStatePublisher publisher;

	private final Clock clock;

	private final Duration claimDuration;

	private final Duration longestSend;

	private final int batchSize;

	/**
	 * @param claimDuration how long one publisher holds a key; longer than a send can
	 * stay in flight, so a send in doubt cannot land after a later one
	 * @param longestSend the longest a send can take, from the call to its last try (the
	 * producer's {@code max.block.ms} and {@code delivery.timeout.ms})
	 */
	public KeyPublication(KeyOutbox outbox, KeyStatePublisher publisher, Clock clock, Duration claimDuration,
			Duration longestSend, int batchSize) {
		if (claimDuration.compareTo(longestSend) <= 0) {
			throw new IllegalArgumentException("The claim (" + claimDuration + ") must outlast the longest send ("
					+ longestSend + "), or a later state could land first");
		}
		this.outbox = outbox;
		this.publisher = publisher;
		this.clock = clock;
		this.claimDuration = claimDuration;
		this.longestSend = longestSend;
		this.batchSize = batchSize;
	}

	/**
	 * Publishes the key's current state if it is unpublished and not held by another
	 * publisher (which then publishes it, or frees it for the next round).
	 * @return {@code false} if a send failed or is in doubt (the broker may be down)
	 */
	public boolean publish(String keyId) {
		Instant now = this.clock.instant();
		Instant until = now.plus(this.claimDuration);
		return this.outbox.claim(keyId, now, until).map((claim) -> sendWhileHeld(claim, until)).orElse(true);
	}

	/**
	 * Publishes pending keys; stops at the first failure, as the broker is likely down.
	 */
	public void publishPending() {
		for (String keyId : this.outbox.pendingKeyIds(this.clock.instant(), this.batchSize)) {
			if (!publish(keyId)) {
				return;
			}
		}
	}

	/**
	 * Sends only if the send ends before the claim does. Taking the claim may have
	 * stalled (a slow reply, a pause): another publisher may then hold the key already,
	 * and a state sent now could land after its newer one. Left to run out instead.
	 */
	private boolean sendWhileHeld(PublicationClaim claim, Instant until) {
		if (this.clock.instant().plus(this.longestSend).isAfter(until)) {
			return false;
		}
		return send(claim);
	}

	private boolean send(PublicationClaim claim) {
		Delivery delivery = this.publisher.publish(claim.key());
		switch (delivery) {
			case ACKNOWLEDGED -> this.outbox.markPublished(claim);
			case FAILED -> this.outbox.release(claim);
			case IN_DOUBT -> {
				// Keep the claim until it expires: the send may still land.
			}
		}
		return delivery == Delivery.ACKNOWLEDGED;
	}

}
