package dev.flowgate.delivery.domain.delivery;

/**
 * A delivery with its last attempt alone, as lists show it: a page of whole attempt logs
 * (up to a hundred attempts each, each with its response snippet) could be hundreds of
 * megabytes.
 *
 * @param lastAttempt {@code null} before the first attempt
 */
public record DeliverySummary(Delivery delivery, Attempt lastAttempt) {

}
