package dev.flowgate.deployments.domain.idempotency;

/** What to do with a request that carries an {@code Idempotency-Key}. */
public sealed interface Attempt {

	/** Handle it, then complete or release the claim. */
	record Proceed(IdempotencyRecord claim) implements Attempt {
	}

	/** Answer it with the first request's answer; nothing is done again. */
	record Replay(StoredAnswer answer) implements Attempt {
	}

}
