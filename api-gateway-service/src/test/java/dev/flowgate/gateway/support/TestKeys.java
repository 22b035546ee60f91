package dev.flowgate.gateway.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Issues API keys the way key-service does, written independently of the gateway code.
 */
public final class TestKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TestKeys() {
	}

	public static String newKey() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String body = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		String checksum = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
		return "sk-" + body + checksum;
	}

	public static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
