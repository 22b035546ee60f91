package dev.flowgate.gateway.domain.trigger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Execution ids: random, or derived from an idempotency key so a repeat gets the same.
 */
final class ExecutionIds {

	// A separator no id contains, so ("a", "bc") and ("ab", "c") never collide.
	private static final String SEPARATOR = "\u0000";

	private ExecutionIds() {
	}

	static String random() {
		return UUID.randomUUID().toString();
	}

	static String idempotent(String ownerId, String deploymentId, String idempotencyKey) {
		String name = String.join(SEPARATOR, ownerId, deploymentId, idempotencyKey);
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
