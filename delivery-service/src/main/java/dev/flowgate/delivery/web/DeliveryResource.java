package dev.flowgate.delivery.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.domain.delivery.Attempt;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliveryView;

/**
 * A delivery as the API shows it, with its attempt log.
 *
 * @param attemptCount attempts made, over every round
 * @param nextAttemptAt when a pending delivery is due, otherwise {@code null}
 */
record DeliveryResource(String id, String executionId, String deploymentId, DeliveryChannel channel, String destination,
		String status, int attemptCount, Instant nextAttemptAt, String lastError, Instant createdAt, Instant finishedAt,
		List<AttemptResource> attempts) {

	static DeliveryResource of(DeliveryView view) {
		Delivery delivery = view.delivery();
		return new DeliveryResource(delivery.id(), delivery.executionId(), delivery.deploymentId(), delivery.channel(),
				delivery.destination(), delivery.status().name().toLowerCase(Locale.ROOT), delivery.attempts(),
				delivery.nextAttemptAt(), delivery.lastError(), delivery.createdAt(), delivery.finishedAt(),
				view.attempts().stream().map(AttemptResource::of).toList());
	}

	/**
	 * One attempt.
	 *
	 * @param statusCode the HTTP status, {@code null} when there was no response (and for
	 * email)
	 */
	record AttemptResource(int number, Instant startedAt, Integer statusCode, long latencyMillis, String error,
			String responseSnippet) {

		static AttemptResource of(Attempt attempt) {
			return new AttemptResource(attempt.number(), attempt.startedAt(), attempt.statusCode(),
					attempt.latency().toMillis(), attempt.error(), attempt.responseSnippet());
		}

	}

}
