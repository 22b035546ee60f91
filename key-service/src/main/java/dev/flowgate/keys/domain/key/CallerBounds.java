package dev.flowgate.keys.domain.key;

import java.time.Instant;

import dev.flowgate.keys.domain.InvalidRequestException;

/**
 * What a key made or changed with another key may have at most: it may not outlive the
 * calling key nor be limited less, or a key meant to end (a contractor's) could make
 * itself or a successor that does not.
 *
 * @param expiresAt the calling key's expiry, or {@code null} for no bound
 * @param rateLimitPerMinute the calling key's rate limit, or {@code null} for no bound
 */
record CallerBounds(Instant expiresAt, Integer rateLimitPerMinute) {

	/** A call without a key (the platform admin's): nothing is bound. */
	static final CallerBounds NONE = new CallerBounds(null, null);

	private static final String EXPIRES_AT = "expiresAt";

	private static final String RATE_LIMIT = "rateLimitPerMinute";

	static CallerBounds of(ApiKey callingKey) {
		KeyPermissions permissions = callingKey.permissions();
		return new CallerBounds(permissions.expiresAt(), permissions.rateLimitPerMinute());
	}

	/**
	 * The request within the bounds: an expiry or a limit it does not give is the calling
	 * key's.
	 * @throws InvalidRequestException for an expiry or a limit past the bounds
	 */
	KeyRequest bound(KeyRequest request) {
		KeyPermissions asked = request.permissions();
		Instant expiry = (asked.expiresAt() != null) ? requireExpiryWithin(asked.expiresAt()) : this.expiresAt;
		Integer limit = (asked.rateLimitPerMinute() != null) ? requireLimitWithin(asked.rateLimitPerMinute())
				: this.rateLimitPerMinute;
		return new KeyRequest(request.name(), new KeyPermissions(asked.scopes(), asked.deploymentIds(), expiry, limit));
	}

	/**
	 * Checks the expiry and the limit a change sets; those it keeps are not its doing.
	 * @throws InvalidRequestException for an expiry or a limit removed or set past the
	 * bounds
	 */
	void check(KeyChanges changes) {
		if (changes.expiresAt().changed()) {
			requireExpiryWithin(changes.expiresAt().value());
		}
		if (changes.rateLimitPerMinute().changed()) {
			requireLimitWithin(changes.rateLimitPerMinute().value());
		}
	}

	/**
	 * @param expiry the expiry asked for, {@code null} for never
	 */
	private Instant requireExpiryWithin(Instant expiry) {
		if (this.expiresAt != null && (expiry == null || expiry.isAfter(this.expiresAt))) {
			throw new InvalidRequestException(EXPIRES_AT,
					"must be no later than " + this.expiresAt + ", when the key this call is made with expires");
		}
		return expiry;
	}

	/**
	 * @param limit the limit asked for, {@code null} for none
	 */
	private Integer requireLimitWithin(Integer limit) {
		if (this.rateLimitPerMinute != null && (limit == null || limit > this.rateLimitPerMinute)) {
			throw new InvalidRequestException(RATE_LIMIT,
					"must be at most " + this.rateLimitPerMinute + ", the limit of the key this call is made with");
		}
		return limit;
	}

}
