package dev.flowgate.keys.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.keys.domain.key.ApiKey;
import dev.flowgate.keys.domain.key.IssuedKey;

/**
 * A key as its owner sees it. {@code secret} is present only right after creation or
 * rotation; an expired key stays {@code active} but says {@code expired}.
 */
@JsonPropertyOrder({ "id", "name", "hint", "scopes", "deploymentIds", "status", "expired", "createdAt", "lastUsedAt",
		"expiresAt", "rateLimitPerMinute", "rotatedAt", "secret" })
record KeyResource(String id, String name, String hint, List<KeyScope> scopes, List<String> deploymentIds,
		KeyStatus status, boolean expired, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
		Integer rateLimitPerMinute, Instant rotatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

	static KeyResource of(ApiKey key, Instant now) {
		return of(key, now, null);
	}

	static KeyResource issued(IssuedKey issued, Instant now) {
		return of(issued.key(), now, issued.secret().value());
	}

	private static KeyResource of(ApiKey key, Instant now, String secret) {
		var permissions = key.permissions();
		return new KeyResource(key.id(), key.name(), key.credential().hint(),
				permissions.scopes().stream().sorted().toList(), permissions.deploymentIds().stream().sorted().toList(),
				key.status(), key.isExpiredAt(now), key.createdAt(), key.lastUsedAt(), permissions.expiresAt(),
				permissions.rateLimitPerMinute(), key.rotatedAt(), secret);
	}

	/** Debug logging of response bodies must not reveal the secret. */
	@Override
	public String toString() {
		return "KeyResource[id=" + this.id + ", hint=" + this.hint + "]";
	}

}
