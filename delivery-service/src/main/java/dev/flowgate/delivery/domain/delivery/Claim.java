package dev.flowgate.delivery.domain.delivery;

import java.time.Instant;

/**
 * A delivery as this instance leased it; updates only apply while the lease is ours.
 *
 * @param leaseUntil when the lease ends, and another instance may claim the delivery
 */
public record Claim(Delivery delivery, String token, Instant leaseUntil) {
}
