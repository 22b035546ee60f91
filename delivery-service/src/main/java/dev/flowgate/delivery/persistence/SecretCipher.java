package dev.flowgate.delivery.persistence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.flowgate.delivery.domain.signing.UnreadableSecretException;

/**
 * Encrypts signing secrets at rest with AES-256-GCM, bound to their owner (the owner id
 * is the associated data, so a sealed value copied to another owner does not open).
 * Stored as {@code v1.<key id>.<base64url(nonce, ciphertext and tag)>}. The first
 * configured key seals; every configured key opens, so secrets stay readable while the
 * key is replaced ({@link SecretResealing} moves them to the first). Without keys, values
 * are stored as they are; values stored that way are always read.
 */
public final class SecretCipher {

	private static final String VERSION = "v1";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final int KEY_ID_CHARS = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final Map<String, SecretKey> keys = new LinkedHashMap<>();

	/**
	 * @param base64Keys 32 random bytes each, base64 encoded; the first seals
	 * @throws IllegalArgumentException for a key that is not 32 bytes of base64
	 */
	public SecretCipher(List<String> base64Keys) {
		for (String encoded : base64Keys) {
			if (encoded != null && !encoded.isBlank()) {
				byte[] key = decodeKey(encoded.strip());
				this.keys.putIfAbsent(keyId(key), new SecretKeySpec(key, "AES"));
			}
		}
	}

	public boolean encrypts() {
		return !this.keys.isEmpty();
	}

	/**
	 * Whether a stored value is not under the first key (plain text, or an earlier key)
	 * though it could be.
	 */
	boolean needsResealing(String stored) {
		return encrypts() && stored != null && !stored.startsWith(VERSION + "." + primaryKeyId() + ".");
	}

	String seal(String ownerId, String plain) {
		if (plain == null || !encrypts()) {
			return plain;
		}
		Map.Entry<String, SecretKey> key = this.keys.entrySet().iterator().next();
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, key.getValue(), nonce, ownerId,
				plain.getBytes(StandardCharsets.UTF_8));
		byte[] stored = new byte[NONCE_BYTES + sealed.length];
		System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
		System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
		return VERSION + "." + key.getKey() + "." + ENCODER.encodeToString(stored);
	}

	String open(String ownerId, String stored) {
		if (stored == null || !stored.startsWith(VERSION + ".")) {
			return stored;
		}
		String[] parts = stored.split("\\.", 3);
		SecretKey key = this.keys.get(parts[1]);
		if (key == null || parts.length < 3) {
			throw new UnreadableSecretException("The signing secret of owner " + ownerId + " was encrypted with key "
					+ parts[1] + ", which is not among flowgate.delivery.secrets.encryption-keys", null);
		}
		byte[] bytes = decodeSealed(ownerId, parts[2]);
		byte[] nonce = Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
		byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
		return new String(run(Cipher.DECRYPT_MODE, key, nonce, ownerId, sealed), StandardCharsets.UTF_8);
	}

	private static byte[] decodeSealed(String ownerId, String encoded) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(encoded);
			if (bytes.length > NONCE_BYTES) {
				return bytes;
			}
		}
		catch (IllegalArgumentException ex) {
			// Reported below like a value too short to hold anything.
		}
		throw new UnreadableSecretException("The stored signing secret of owner " + ownerId + " is damaged", null);
	}

	private String primaryKeyId() {
		return this.keys.keySet().iterator().next();
	}

	private static byte[] run(int mode, SecretKey key, byte[] nonce, String ownerId, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			if (mode == Cipher.DECRYPT_MODE) {
				throw new UnreadableSecretException("Could not decrypt the signing secret of owner " + ownerId, ex);
			}
			throw new IllegalStateException("Could not encrypt the signing secret of owner " + ownerId, ex);
		}
	}

	private static byte[] decodeKey(String encoded) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("A webhook secret encryption key is not base64", ex);
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("A webhook secret encryption key must be " + KEY_BYTES
					+ " bytes (openssl rand -base64 32), not " + key.length);
		}
		return key;
	}

	/** Names a key without revealing it. */
	private static String keyId(byte[] key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
			return ENCODER.encodeToString(digest).substring(0, KEY_ID_CHARS);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
