package dev.flowgate.deployments.domain.idempotency;

import java.time.Instant;

/**
 * A request made with an {@code Idempotency-Key}.
 *
 * @param id the owner and key, unique: of two requests inserting it, one wins
 * @param fingerprint what a repeat must match ({@link RequestFingerprint})
 * @param startedAt when it began to be handled (this attempt's, after a take-over)
 * @param answer its answer, {@code null} while it is being handled
 */
public record IdempotencyRecord(IdempotencyKey id, String fingerprint, Instant startedAt, StoredAnswer answer) {

	boolean inProgress() {
		return this.answer == null;
	}

}
