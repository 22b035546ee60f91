package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;

/**
 * What an owner changes on a key; a {@code null} field keeps the key's value. Expiry and
 * rate limit may also be removed: an empty {@link Optional} removes, {@code null} keeps.
 */
public record KeyChanges(String name, Set<KeyScope> scopes, Set<String> deploymentIds, Optional<Instant> expiresAt,
		Optional<Integer> rateLimitPerMinute) {

	/** Nothing changes. */
	public static final KeyChanges NONE = new KeyChanges(null, null, null, null, null);

	public KeyChanges {
		// MongoDB keeps milliseconds; the same precision here keeps every event alike.
		expiresAt = (expiresAt != null) ? expiresAt.map((instant) -> instant.truncatedTo(ChronoUnit.MILLIS)) : null;
	}

}
