package dev.flowgate.gateway.domain.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares secrets by their SHA-256, in constant time. An API key's own hash, the form in
 * which the gateway holds keys, is {@code ApiKeyFormat.hash}.
 */
final class SecretHash {

	private SecretHash() {
	}

	/** Constant-time comparison of two secrets (or two hashes) of any length. */
	public static boolean matches(String presented, String expected) {
		if (presented == null || expected == null) {
			return false;
		}
		return MessageDigest.isEqual(digest(presented), digest(expected));
	}

	private static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
