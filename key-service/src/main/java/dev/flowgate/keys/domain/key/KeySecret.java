package dev.flowgate.keys.domain.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A full API key: {@code sk-} + 43 chars of base64url randomness (256 bits) + 6 chars of
 * base64url CRC32 over that body. It is shown to its owner once and never stored or
 * logged: {@link #toString()} shows only the hint. The gateway checks the same format.
 */
public final class KeySecret {

	static final String PREFIX = "sk-";

	private static final int RANDOM_BYTES = 32;

	private static final int BODY_LENGTH = 43;

	private static final int CHECKSUM_LENGTH = 6;

	static final int LENGTH = PREFIX.length() + BODY_LENGTH + CHECKSUM_LENGTH;

	private static final int HINT_CHARS = 5;

	private static final String HINT_ELLIPSIS = "…";

	private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]+");

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final String value;

	private KeySecret(String value) {
		this.value = value;
	}

	public static KeySecret generate(SecureRandom random) {
		byte[] bytes = new byte[RANDOM_BYTES];
		random.nextBytes(bytes);
		String body = BASE64URL.encodeToString(bytes);
		return new KeySecret(PREFIX + body + checksum(body));
	}

	/** Parses a presented key, rejecting anything malformed without a lookup. */
	public static KeySecret parse(String candidate) {
		if (!isWellFormed(candidate)) {
			throw new IllegalArgumentException("Not a well-formed Flowgate key");
		}
		return new KeySecret(candidate);
	}

	public static boolean isWellFormed(String candidate) {
		if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
			return false;
		}
		String rest = candidate.substring(PREFIX.length());
		if (!ALPHABET.matcher(rest).matches()) {
			return false;
		}
		String body = rest.substring(0, BODY_LENGTH);
		return rest.substring(BODY_LENGTH).equals(checksum(body));
	}

	public String value() {
		return this.value;
	}

	/** Lowercase hex SHA-256 of the full key: the only form that is stored. */
	public String hash() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform provides SHA-256", ex);
		}
	}

	/** Enough to recognise the key in a list: {@code sk-} + 5 body chars + … + last 5. */
	public String hint() {
		String body = this.value.substring(PREFIX.length());
		return PREFIX + body.substring(0, HINT_CHARS) + HINT_ELLIPSIS
				+ this.value.substring(this.value.length() - HINT_CHARS);
	}

	private static String checksum(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		byte[] bigEndian = ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array();
		return BASE64URL.encodeToString(bigEndian);
	}

	@Override
	public String toString() {
		return "KeySecret[" + hint() + "]";
	}

}
