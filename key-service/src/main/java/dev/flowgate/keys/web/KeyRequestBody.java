package dev.flowgate.keys.web;

import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.keys.domain.key.KeyRequest;
import tools.jackson.databind.JsonNode;

/** The body of a key creation; absent scopes mean {@code run}. */
record KeyRequestBody(String name, Set<KeyScope> scopes, Set<String> deploymentIds, JsonNode expiresAt,
		Integer rateLimitPerMinute) {

	KeyRequest toRequest() {
		return KeyRequest.of(this.name, this.scopes, this.deploymentIds,
				(this.expiresAt != null) ? ExpiryText.parse(this.expiresAt) : null, this.rateLimitPerMinute);
	}

}
