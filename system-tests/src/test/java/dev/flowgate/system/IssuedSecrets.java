package dev.flowgate.system;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets the system tests of this JVM were given (API keys, webhook secrets), so the log
 * scan can check that no service wrote any of them down.
 */
public final class IssuedSecrets {

	private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

	private IssuedSecrets() {
	}

	/** Remembers a secret and returns it. */
	public static String remember(String secret) {
		if (secret != null && !secret.isBlank()) {
			SECRETS.add(secret);
		}
		return secret;
	}

	public static Set<String> all() {
		return Set.copyOf(SECRETS);
	}

}
