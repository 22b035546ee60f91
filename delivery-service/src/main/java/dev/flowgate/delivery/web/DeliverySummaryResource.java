package dev.flowgate.delivery.web;

import java.time.Instant;
import java.util.Locale;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliverySummary;
import dev.flowgate.delivery.web.DeliveryResource.AttemptResource;

/**
 * A delivery as lists show it: its last attempt alone ({@code GET /v1/deliveries/{id}}
 * has the whole log).
 *
 * @param attemptCount attempts made, over every round
 * @param nextAttemptAt when a pending delivery is due, otherwise {@code null}
 * @param lastAttempt {@code null} before the first attempt
 */
record DeliverySummaryResource(String id, String executionId, String deploymentId, DeliveryChannel channel,
		String destination, String status, int attemptCount, Instant nextAttemptAt, String lastError, Instant createdAt,
		Instant finishedAt, AttemptResource lastAttempt) {

	static DeliverySummaryResource of(DeliverySummary summary) {
		Delivery delivery = summary.delivery();
		return new DeliverySummaryResource(delivery.id(), delivery.executionId(), delivery.deploymentId(),
				delivery.channel(), delivery.destination(), delivery.status().name().toLowerCase(Locale.ROOT),
				delivery.attempts(), delivery.nextAttemptAt(), delivery.lastError(), delivery.createdAt(),
				delivery.finishedAt(),
				(summary.lastAttempt() != null) ? AttemptResource.of(summary.lastAttempt()) : null);
	}

}
