package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.internal.Setting;

/**
 * What an owner changes on a key: a {@code null} name, scopes or deployments keep the
 * key's; expiry and rate limit may also be removed.
 */
public record KeyChanges(String name, Set<KeyScope> scopes, Set<String> deploymentIds, Setting<Instant> expiresAt,
		Setting<Integer> rateLimitPerMinute) {

	/** Nothing changes. */
	public static final KeyChanges NONE = new KeyChanges(null, null, null, Setting.keep(), Setting.keep());

	public KeyChanges {
		expiresAt = (expiresAt != null) ? expiresAt : Setting.keep();
		rateLimitPerMinute = (rateLimitPerMinute != null) ? rateLimitPerMinute : Setting.keep();
		// MongoDB keeps milliseconds; the same precision here keeps every event alike.
		if (expiresAt.changed() && expiresAt.value() != null) {
			expiresAt = Setting.to(expiresAt.value().truncatedTo(ChronoUnit.MILLIS));
		}
	}

}
