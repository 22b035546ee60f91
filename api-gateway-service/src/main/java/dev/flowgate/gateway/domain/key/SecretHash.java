package dev.flowgate.gateway.domain.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex SHA-256, the only form in which the gateway ever holds a secret. */
public final class SecretHash {

	private SecretHash() {
	}

	public static String of(String secret) {
		return HexFormat.of().formatHex(digest(secret));
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
