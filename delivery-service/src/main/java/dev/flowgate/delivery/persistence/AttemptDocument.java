package dev.flowgate.delivery.persistence;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.delivery.domain.delivery.Attempt;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One attempt; the id is the delivery id and the attempt number, so re-recording
 * replaces.
 */
@Document(AttemptDocument.COLLECTION)
record AttemptDocument(@Id String id, String deliveryId, int number, Instant startedAt, Integer statusCode,
		long latencyMillis, String error, String responseSnippet) {

	static final String COLLECTION = "delivery_attempts";

	static final String ID = "_id";

	static final String DELIVERY_ID = "deliveryId";

	static final String NUMBER = "number";

	static final String STARTED_AT = "startedAt";

	static AttemptDocument of(Attempt attempt) {
		return new AttemptDocument(attempt.deliveryId() + "#" + attempt.number(), attempt.deliveryId(),
				attempt.number(), attempt.startedAt(), attempt.statusCode(), attempt.latency().toMillis(),
				attempt.error(), attempt.responseSnippet());
	}

	Attempt toAttempt() {
		return new Attempt(this.deliveryId, this.number, this.startedAt, this.statusCode,
				Duration.ofMillis(this.latencyMillis), this.error, this.responseSnippet);
	}

}
