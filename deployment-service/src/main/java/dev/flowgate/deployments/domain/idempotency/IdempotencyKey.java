package dev.flowgate.deployments.domain.idempotency;

import dev.flowgate.deployments.domain.InvalidRequestException;

/**
 * A client's {@code Idempotency-Key}, scoped to its owner: two owners may use the same
 * key.
 */
public record IdempotencyKey(String ownerId, String key) {

	/** The request header, also the field a 400 names. */
	public static final String HEADER = "Idempotency-Key";

	/** As long as the gateway accepts for the triggers. */
	static final int MAX_LENGTH = 255;

	/**
	 * @throws InvalidRequestException if the key is blank or too long
	 */
	public static IdempotencyKey of(String ownerId, String key) {
		if (key.isBlank()) {
			throw new InvalidRequestException(HEADER, "must not be blank");
		}
		if (key.length() > MAX_LENGTH) {
			throw new InvalidRequestException(HEADER, "must be at most " + MAX_LENGTH + " characters");
		}
		return new IdempotencyKey(ownerId, key);
	}

}
