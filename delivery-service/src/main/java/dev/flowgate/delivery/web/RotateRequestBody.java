package dev.flowgate.delivery.web;

/**
 * @param overlapSeconds how long the previous secret keeps signing, or {@code null} for
 * the default
 */
record RotateRequestBody(Long overlapSeconds) {
}
