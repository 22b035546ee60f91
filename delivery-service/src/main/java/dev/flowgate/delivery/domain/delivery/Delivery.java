package dev.flowgate.delivery.domain.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryChannel;

/**
 * One result going to one destination over one channel, with its schedule.
 *
 * @param id also the {@code webhook-id}: stable across attempts so receivers de-duplicate
 * @param destinationKey what concurrency limits and circuit breakers count by: the
 * callback's owner and origin (the origin alone in deliveries stored before owners were
 * told apart), or the email channel
 * @param attempts attempts made so far, over every round
 * @param roundAttempts attempts since the delivery was created or last replayed; the
 * retry schedule counts these
 * @param nextAttemptAt when a pending delivery is due
 * @param roundStartedAt when this round of attempts began (created or last replayed): a
 * round put off by an open circuit breaker ends when its schedule's time is up
 * @param failureEventId the {@code DeliveryFailed} event of a failed delivery
 */
public record Delivery(String id, String executionId, String ownerId, String deploymentId, DeliveryChannel channel,
		String destination, String destinationKey, Message message, DeliveryStatus status, int attempts,
		int roundAttempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant roundStartedAt,
		Instant finishedAt, UUID failureEventId) {

	public Delivery {
		// Stored before rounds were timed: their first round began with the delivery.
		if (roundStartedAt == null) {
			roundStartedAt = createdAt;
		}
	}

	/**
	 * The same execution and channel always give the same id: redelivered results add
	 * nothing.
	 */
	public static String idFor(String executionId, DeliveryChannel channel) {
		return UUID.nameUUIDFromBytes((executionId + "/" + channel.name()).getBytes(StandardCharsets.UTF_8)).toString();
	}

	Delivery afterAttempt() {
		return new Delivery(this.id, this.executionId, this.ownerId, this.deploymentId, this.channel, this.destination,
				this.destinationKey, this.message, this.status, this.attempts + 1, this.roundAttempts + 1,
				this.nextAttemptAt, this.lastError, this.createdAt, this.roundStartedAt, this.finishedAt,
				this.failureEventId);
	}

	Delivery pendingUntil(Instant next, String error) {
		return new Delivery(this.id, this.executionId, this.ownerId, this.deploymentId, this.channel, this.destination,
				this.destinationKey, this.message, DeliveryStatus.PENDING, this.attempts, this.roundAttempts, next,
				error, this.createdAt, this.roundStartedAt, null, this.failureEventId);
	}

	Delivery succeeded(Instant now) {
		return finished(DeliveryStatus.SUCCEEDED, null, now, this.failureEventId);
	}

	Delivery skipped(String reason, Instant now) {
		return finished(DeliveryStatus.SKIPPED, reason, now, this.failureEventId);
	}

	/** Failed for good; {@code DeliveryFailed} will carry a new event id. */
	Delivery failed(String error, Instant now) {
		return finished(DeliveryStatus.FAILED, error, now, UUID.randomUUID());
	}

	/** A fresh round of attempts, due now. */
	Delivery replayed(Instant now) {
		return new Delivery(this.id, this.executionId, this.ownerId, this.deploymentId, this.channel, this.destination,
				this.destinationKey, this.message, DeliveryStatus.PENDING, this.attempts, 0, now, this.lastError,
				this.createdAt, now, null, this.failureEventId);
	}

	private Delivery finished(DeliveryStatus finalStatus, String error, Instant now, UUID eventId) {
		return new Delivery(this.id, this.executionId, this.ownerId, this.deploymentId, this.channel, this.destination,
				this.destinationKey, this.message, finalStatus, this.attempts, this.roundAttempts, null, error,
				this.createdAt, this.roundStartedAt, now, eventId);
	}

}
