package dev.flowgate.gateway.domain.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The shape of a Flowgate API key: {@code sk-}, a body of 32 random bytes in base64url
 * without padding (43 characters), and a checksum: base64url without padding of the
 * big-endian CRC32 of the body's ASCII (6 characters). Checking it rejects typos and
 * truncated keys without a lookup.
 */
public final class ApiKeyFormat {

	static final String PREFIX = "sk-";

	static final int BODY_LENGTH = 43;

	static final int CHECKSUM_LENGTH = 6;

	static final int LENGTH = PREFIX.length() + BODY_LENGTH + CHECKSUM_LENGTH;

	private static final int SECRET_BYTES = 32;

	private static final int CRC_BYTES = 4;

	private ApiKeyFormat() {
	}

	public static boolean isWellFormed(String key) {
		if (key == null || key.length() != LENGTH || !key.startsWith(PREFIX)) {
			return false;
		}
		String body = key.substring(PREFIX.length(), PREFIX.length() + BODY_LENGTH);
		String checksum = key.substring(PREFIX.length() + BODY_LENGTH);
		return isBase64Url(key.substring(PREFIX.length())) && decodedLength(body) == SECRET_BYTES
				&& checksum.equals(checksumOf(body));
	}

	static String checksumOf(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		byte[] bytes = ByteBuffer.allocate(CRC_BYTES).putInt((int) crc.getValue()).array();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static boolean isBase64Url(String text) {
		return text.chars()
			.allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_');
	}

	private static int decodedLength(String body) {
		try {
			return Base64.getUrlDecoder().decode(body).length;
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

}
