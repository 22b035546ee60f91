package dev.flowgate.delivery.domain.delivery;

/**
 * What a recovery scheduled.
 *
 * @param scheduled failed deliveries set to go out again, each with a fresh round of
 * attempts
 * @param more whether failed deliveries are left that this call did not take: call again
 */
public record Recovery(int scheduled, boolean more) {

}
