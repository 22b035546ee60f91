package dev.flowgate.delivery.domain.delivery;

/** A delivery as this instance leased it; updates only apply while the lease is ours. */
public record Claim(Delivery delivery, String token) {
}
