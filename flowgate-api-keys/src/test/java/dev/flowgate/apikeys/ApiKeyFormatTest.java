package dev.flowgate.apikeys;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFormatTest {

	/**
	 * The checksum of bytes 0..31 and the hash of their key, computed independently
	 * (Python: base64, zlib.crc32, hashlib); the key is put together at run time.
	 */
	private static final String KNOWN_CHECKSUM = "76rsaQ";

	private static final String KNOWN_KEY = "sk-" + Base64.getUrlEncoder().withoutPadding().encodeToString(counting())
			+ KNOWN_CHECKSUM;

	private static final String KNOWN_HASH = "ba2744b270cc3b7085f2dde42066eb31aca8291e47c47351905c6a98afb2ea1b";

	@Test
	void makesTheDocumentedFormatFromItsBytes() {
		assertThat(ApiKeyFormat.fromSecret(counting())).isEqualTo(KNOWN_KEY);
		assertThat(ApiKeyFormat.checksum("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")).isEqualTo(KNOWN_CHECKSUM);
	}

	@Test
	void hashesAKeyAsLowercaseHexSha256() {
		assertThat(ApiKeyFormat.hash(KNOWN_KEY)).isEqualTo(KNOWN_HASH);
	}

	@RepeatedTest(20)
	void makesWellFormedKeysFromRandomBytes() {
		byte[] secret = new byte[ApiKeyFormat.SECRET_BYTES];
		new SecureRandom().nextBytes(secret);

		String key = ApiKeyFormat.fromSecret(secret);

		assertThat(key).hasSize(ApiKeyFormat.LENGTH).matches("sk-[A-Za-z0-9_-]{49}");
		assertThat(ApiKeyFormat.isWellFormed(key)).isTrue();
	}

	@Test
	void acceptsAKeyComputedByAnotherImplementation() {
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY)).isTrue();
	}

	@Test
	void rejectsAKeyWithOneCharacterChanged() {
		String typo = KNOWN_KEY.substring(0, 10) + "B" + KNOWN_KEY.substring(11);

		assertThat(ApiKeyFormat.isWellFormed(typo)).isFalse();
	}

	@Test
	void rejectsAWrongChecksum() {
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY.substring(0, 46) + "AAAAAA")).isFalse();
	}

	@Test
	void rejectsWrongPrefixLengthOrAlphabet() {
		assertThat(ApiKeyFormat.isWellFormed(null)).isFalse();
		assertThat(ApiKeyFormat.isWellFormed("")).isFalse();
		assertThat(ApiKeyFormat.isWellFormed("pk-" + KNOWN_KEY.substring(3))).isFalse();
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY + "A")).isFalse();
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY.substring(0, 51))).isFalse();
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY.substring(0, 20) + "+" + KNOWN_KEY.substring(21))).isFalse();
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY.replace('A', '='))).isFalse();
	}

	private static byte[] counting() {
		byte[] bytes = new byte[ApiKeyFormat.SECRET_BYTES];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) i;
		}
		return bytes;
	}

}
