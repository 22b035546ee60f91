package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.keys.domain.InvalidRequestException;

/** A new key as its owner asked for it; scopes default to {@code run}. */
public record KeyRequest(String name, KeyPermissions permissions) {

	static final int MAX_NAME_LENGTH = 100;

	private static final String FIRST_KEY_NAME = "default";

	public KeyRequest {
		if (name == null || name.isBlank()) {
			throw new InvalidRequestException("name", "is required");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new InvalidRequestException("name", "must be at most " + MAX_NAME_LENGTH + " characters");
		}
	}

	public static KeyRequest of(String name, Set<KeyScope> scopes, Set<String> deploymentIds, Instant expiresAt,
			Integer rateLimitPerMinute) {
		Set<KeyScope> effectiveScopes = (scopes != null) ? scopes : Set.of(KeyScope.RUN);
		// MongoDB keeps milliseconds; the same precision here keeps every event of a key
		// alike.
		Instant expiry = (expiresAt != null) ? expiresAt.truncatedTo(ChronoUnit.MILLIS) : null;
		return new KeyRequest(name, new KeyPermissions(effectiveScopes, deploymentIds, expiry, rateLimitPerMinute));
	}

	/** The key every new owner gets: it may run flows and manage the workspace. */
	public static KeyRequest firstKey() {
		return new KeyRequest(FIRST_KEY_NAME, new KeyPermissions(EnumSet.allOf(KeyScope.class), Set.of(), null, null));
	}

}
