package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.delivery.domain.delivery.AttemptOutcome.Verdict;

/** Attempt outcomes for the tests. */
final class Outcomes {

	static final Instant STARTED = Instant.parse("2026-11-23T10:00:00Z");

	private Outcomes() {
	}

	static CompletableFuture<AttemptOutcome> delivered() {
		return done(new AttemptOutcome(Verdict.DELIVERED, STARTED, Duration.ofMillis(12), 200, null, "ok", null));
	}

	static CompletableFuture<AttemptOutcome> failed(int status) {
		return done(new AttemptOutcome(Verdict.RETRYABLE, STARTED, Duration.ofMillis(12), status, "HTTP " + status,
				null, null));
	}

	static CompletableFuture<AttemptOutcome> permanent(String error) {
		return done(new AttemptOutcome(Verdict.PERMANENT, STARTED, Duration.ofMillis(1), null, error, null, null));
	}

	static CompletableFuture<AttemptOutcome> done(AttemptOutcome outcome) {
		return CompletableFuture.completedFuture(outcome);
	}

}
