package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.contracts.DeliveryChannel;

/**
 * The most one attempt takes on each channel. A claim is sent only while its lease
 * outlasts an attempt on its own channel: a long timeout of one channel does not have the
 * other's claims given back unsent.
 *
 * @param callback the callback timeout: the lookup, connecting and the wait for the body
 * all end within it
 * @param email the email timeout, the wait for an SMTP thread included
 */
public record AttemptTimeouts(Duration callback, Duration email) {

	/** The most an attempt on this channel takes. */
	public Duration of(DeliveryChannel channel) {
		return switch (channel) {
			case CALLBACK -> this.callback;
			case EMAIL -> this.email;
		};
	}

	/** The most an attempt on any channel takes: what every lease must exceed. */
	public Duration longest() {
		return (this.callback.compareTo(this.email) >= 0) ? this.callback : this.email;
	}

	/**
	 * Whether an attempt of the claim started at {@code start} ends before its lease
	 * does, so that no other instance can claim and send it meanwhile.
	 */
	boolean endsWithinLease(Claim claim, Instant start) {
		return start.plus(of(claim.delivery().channel())).isBefore(claim.leaseUntil());
	}

}
