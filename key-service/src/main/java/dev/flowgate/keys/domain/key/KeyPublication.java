package dev.flowgate.keys.domain.key;

import java.time.Clock;
import java.time.Duration;

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

	private final int batchSize;

	/**
	 * @param claimDuration how long one publisher holds a key; longer than a send can
	 * stay in flight, so a send in doubt cannot land after a later one
	 */
	public KeyPublication(KeyOutbox outbox, KeyStatePublisher publisher, Clock clock, Duration claimDuration,
			int batchSize) {
		this.outbox = outbox;
		this.publisher = publisher;
		this.clock = clock;
		this.claimDuration = claimDuration;
		this.batchSize = batchSize;
	}

	/**
	 * Publishes the key's current state if it is unpublished and not held by another
	 * publisher (which then publishes it, or frees it for the next round).
	 * @return {@code false} if a send failed or is in doubt (the broker may be down)
	 */
	public boolean publish(String keyId) {
		var now = this.clock.instant();
		return this.outbox.claim(keyId, now, now.plus(this.claimDuration)).map(this::send).orElse(true);
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

	private boolean send(PublicationClaim claim) {
		Delivery delivery = this.publisher.publish(claim.key());
		switch (delivery) {
			case ACKNOWLEDGED -> settle(claim);
			case FAILED -> this.outbox.release(claim);
			case IN_DOUBT -> {
				// Keep the claim until it expires: the send may still land.
			}
		}
		return delivery == Delivery.ACKNOWLEDGED;
	}

	private void settle(PublicationClaim claim) {
		if (claim.key().deleted()) {
			this.outbox.purge(claim);
		}
		else {
			this.outbox.markPublished(claim);
		}
	}

}
