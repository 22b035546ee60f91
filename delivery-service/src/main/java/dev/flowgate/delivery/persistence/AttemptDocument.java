package dev.flowgate.delivery.persistence;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.delivery.domain.delivery.Attempt;

import org.springframework.data.mongodb.core.query.Update;

/**
 * One attempt, kept in its delivery's document: the attempt and the delivery's next state
 * are then one write.
 */
record AttemptDocument(int number, Instant startedAt, Integer statusCode, long latencyMillis, String error,
		String responseSnippet) {

	static AttemptDocument of(Attempt attempt) {
		return new AttemptDocument(attempt.number(), attempt.startedAt(), attempt.statusCode(),
				attempt.latency().toMillis(), attempt.error(), attempt.responseSnippet());
	}

	/** Appends the attempt to the delivery's log, which keeps the last {@code kept}. */
	static Update append(Update update, Attempt attempt, int kept) {
		return update.push(DeliveryDocument.ATTEMPT_LOG).slice(-kept).each(of(attempt));
	}

	Attempt toAttempt(String deliveryId) {
		return new Attempt(deliveryId, this.number, this.startedAt, this.statusCode,
				Duration.ofMillis(this.latencyMillis), this.error, this.responseSnippet);
	}

}
