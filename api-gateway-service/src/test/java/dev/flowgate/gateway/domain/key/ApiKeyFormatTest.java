package dev.flowgate.gateway.domain.key;

import dev.flowgate.gateway.support.TestKeys;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFormatTest {

	// Computed with Python (base64, zlib.crc32) from the bytes 0..31: an independent
	// check.
	private static final String KNOWN_KEY = "sk-AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh876rsaQ";

	@Test
	void acceptsAKeyComputedByAnotherImplementation() {
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY)).isTrue();
		assertThat(ApiKeyFormat.checksumOf("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")).isEqualTo("76rsaQ");
	}

	@RepeatedTest(20)
	void acceptsFreshlyIssuedKeys() {
		String key = TestKeys.newKey();

		assertThat(key).hasSize(52);
		assertThat(ApiKeyFormat.isWellFormed(key)).isTrue();
	}

	@Test
	void rejectsAKeyWithOneCharacterChanged() {
		char changed = (KNOWN_KEY.charAt(10) == 'A') ? 'B' : 'A';
		String typo = KNOWN_KEY.substring(0, 10) + changed + KNOWN_KEY.substring(11);

		assertThat(ApiKeyFormat.isWellFormed(typo)).isFalse();
	}

	@Test
	void rejectsAWrongChecksum() {
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY.substring(0, 46) + "AAAAAA")).isFalse();
	}

	@Test
	void rejectsWrongPrefixLengthAndAlphabet() {
		assertThat(ApiKeyFormat.isWellFormed("pk-" + KNOWN_KEY.substring(3))).isFalse();
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY.substring(0, 51))).isFalse();
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY + "A")).isFalse();
		assertThat(ApiKeyFormat.isWellFormed(KNOWN_KEY.replace('A', '+'))).isFalse();
		assertThat(ApiKeyFormat.isWellFormed(null)).isFalse();
		assertThat(ApiKeyFormat.isWellFormed("")).isFalse();
	}

}
