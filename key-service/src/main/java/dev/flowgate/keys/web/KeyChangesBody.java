package dev.flowgate.keys.web;

import java.time.Instant;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.internal.Setting;
import dev.flowgate.keys.domain.InvalidRequestException;
import dev.flowgate.keys.domain.key.KeyChanges;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PATCH /v1/keys/{id}}: absent fields keep their value; {@code null}
 * removes the expiry or the rate limit (kept as JSON to tell the two apart).
 */
record KeyChangesBody(String name, Set<KeyScope> scopes, Set<String> deploymentIds, JsonNode expiresAt,
		JsonNode rateLimitPerMinute) {

	static final KeyChangesBody NONE = new KeyChangesBody(null, null, null, null, null);

	KeyChanges toChanges() {
		return new KeyChanges(this.name, this.scopes, this.deploymentIds, expiry(), rateLimit());
	}

	private Setting<Instant> expiry() {
		if (this.expiresAt == null) {
			return Setting.keep();
		}
		return Setting.to(ExpiryText.parse(this.expiresAt));
	}

	private Setting<Integer> rateLimit() {
		if (this.rateLimitPerMinute == null) {
			return Setting.keep();
		}
		if (this.rateLimitPerMinute.isNull()) {
			return Setting.to(null);
		}
		if (!this.rateLimitPerMinute.isIntegralNumber() || !this.rateLimitPerMinute.canConvertToInt()) {
			throw new InvalidRequestException("rateLimitPerMinute", "must be a whole number, or null");
		}
		return Setting.to(this.rateLimitPerMinute.intValue());
	}

}
