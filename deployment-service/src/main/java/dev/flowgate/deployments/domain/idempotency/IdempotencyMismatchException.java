package dev.flowgate.deployments.domain.idempotency;

/** An {@code Idempotency-Key} sent again with another method, path or body. */
public class IdempotencyMismatchException extends RuntimeException {

	IdempotencyMismatchException(String message) {
		super(message);
	}

}
