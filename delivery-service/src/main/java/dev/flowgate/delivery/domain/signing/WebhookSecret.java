package dev.flowgate.delivery.domain.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A Standard Webhooks signing secret: {@code whsec_} and the base64 of the key bytes.
 * {@link #toString()} never shows it.
 */
public final class WebhookSecret {

	/** The Standard Webhooks minimum key length. */
	public static final int MIN_KEY_BYTES = 24;

	static final String PREFIX = "whsec_";

	private static final int FINGERPRINT_BYTES = 8;

	private final String value;

	private WebhookSecret(String value) {
		this.value = value;
	}

	public static WebhookSecret generate(SecureRandom random, int keyBytes) {
		if (keyBytes < MIN_KEY_BYTES) {
			throw new IllegalArgumentException("A webhook secret needs at least " + MIN_KEY_BYTES + " random bytes");
		}
		byte[] key = new byte[keyBytes];
		random.nextBytes(key);
		return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
	}

	/** A stored secret. */
	public static WebhookSecret of(String value) {
		if (value == null || !value.startsWith(PREFIX)) {
			throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
		}
		WebhookSecret secret = new WebhookSecret(value);
		secret.key();
		return secret;
	}

	/** The full secret, as the owner configures it on the receiver. */
	public String value() {
		return this.value;
	}

	/** The HMAC key: the decoded part after the prefix. */
	public byte[] key() {
		return Base64.getDecoder().decode(this.value.substring(PREFIX.length()));
	}

	/**
	 * A short hex digest that identifies the secret without revealing it, so an owner can
	 * tell which one a receiver has.
	 */
	public String fingerprint() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, FINGERPRINT_BYTES);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof WebhookSecret secret && MessageDigest
			.isEqual(secret.value.getBytes(StandardCharsets.UTF_8), this.value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return "WebhookSecret[" + fingerprint() + "]";
	}

}
