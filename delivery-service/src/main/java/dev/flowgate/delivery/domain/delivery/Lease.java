package dev.flowgate.delivery.domain.delivery;

import java.time.Instant;

/**
 * The right to attempt a delivery until {@code until}; after that another instance may
 * claim it (a crashed instance's deliveries are not stuck).
 */
public record Lease(String token, Instant until) {
}
