package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * One try to deliver.
 *
 * @param number 1 for the first attempt of the delivery, counting every round
 * @param statusCode the HTTP status, or {@code null} when there was no response
 * @param error why it failed, or {@code null}
 * @param responseSnippet the start of the response body, or {@code null}
 */
public record Attempt(String deliveryId, int number, Instant startedAt, Integer statusCode, Duration latency,
		String error, String responseSnippet) {
}
