package dev.flowgate.keys.domain.owner;

import java.time.Instant;

import dev.flowgate.keys.domain.InvalidRequestException;

/** A workspace: it owns keys, flows and deployments. */
public record Owner(String id, String name, Instant createdAt) {

	static final int MAX_NAME_LENGTH = 100;

	public Owner {
		if (name == null || name.isBlank()) {
			throw new InvalidRequestException("name", "is required");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new InvalidRequestException("name", "must be at most " + MAX_NAME_LENGTH + " characters");
		}
	}

}
