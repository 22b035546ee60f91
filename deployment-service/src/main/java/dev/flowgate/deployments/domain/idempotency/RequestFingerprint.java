package dev.flowgate.deployments.domain.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a repeat must match to get the first answer: the method, the path and a SHA-256 of
 * the body, in the form the web layer gives it (JSON with its members sorted, so that
 * order and spacing do not make another request).
 */
public final class RequestFingerprint {

	private RequestFingerprint() {
	}

	/** {@code POST /v1/deployments sha256:…}. */
	public static String of(String method, String path, byte[] body) {
		return method + " " + path + " sha256:" + HexFormat.of().formatHex(sha256(body));
	}

	private static byte[] sha256(byte[] body) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
