package dev.flowgate.apikeys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * A Flowgate API key: {@code sk-}, a body of 32 random bytes in base64url without padding
 * (43 characters), and a checksum: base64url without padding of the big-endian CRC32 of
 * the body's ASCII (6 characters). The checksum rejects a typo or a truncated key without
 * a lookup. A key is stored, published and looked up only by its {@link #hash}.
 */
public final class ApiKeyFormat {

	public static final String PREFIX = "sk-";

	/** The randomness of a key. */
	public static final int SECRET_BYTES = 32;

	private static final int BODY_LENGTH = 43;

	private static final int CHECKSUM_LENGTH = 6;

	public static final int LENGTH = PREFIX.length() + BODY_LENGTH + CHECKSUM_LENGTH;

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private ApiKeyFormat() {
	}

	/** The key whose body is these {@value #SECRET_BYTES} random bytes. */
	public static String fromSecret(byte[] secret) {
		if (secret.length != SECRET_BYTES) {
			throw new IllegalArgumentException("A key is made of " + SECRET_BYTES + " bytes, not " + secret.length);
		}
		String body = BASE64URL.encodeToString(secret);
		return PREFIX + body + checksum(body);
	}

	/**
	 * Whether {@code candidate} has a key's prefix, length, alphabet and checksum. Any 43
	 * characters of the alphabet decode to 32 bytes, so the body needs no decoding.
	 */
	public static boolean isWellFormed(String candidate) {
		if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
			return false;
		}
		for (int i = PREFIX.length(); i < LENGTH; i++) {
			if (!isBase64Url(candidate.charAt(i))) {
				return false;
			}
		}
		int checksumStart = PREFIX.length() + BODY_LENGTH;
		return candidate.substring(checksumStart).equals(checksum(candidate.substring(PREFIX.length(), checksumStart)));
	}

	/** Lowercase hex SHA-256 of the whole key: the only form in which it is kept. */
	public static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform provides SHA-256", ex);
		}
	}

	static String checksum(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		byte[] bigEndian = ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array();
		return BASE64URL.encodeToString(bigEndian);
	}

	private static boolean isBase64Url(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

}
