package dev.flowgate.keys.domain.key;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeySecretTest {

	/** Computed independently (Python: base64, zlib.crc32, hashlib) for bytes 0..31. */
	private static final String KNOWN_KEY = "sk-AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh876rsaQ";

	private static final String KNOWN_HASH = "ba2744b270cc3b7085f2dde42066eb31aca8291e47c47351905c6a98afb2ea1b";

	@Test
	void generatesTheDocumentedFormatFromRandomBytes() {
		KeySecret secret = KeySecret.generate(new CountingRandom());

		assertThat(secret.value()).isEqualTo(KNOWN_KEY);
		assertThat(secret.hash()).isEqualTo(KNOWN_HASH);
		assertThat(secret.hint()).isEqualTo("sk-AAECA…6rsaQ");
	}

	@Test
	void generatesWellFormedDistinctKeys() {
		SecureRandom random = new SecureRandom();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String value = KeySecret.generate(random).value();
			assertThat(value).hasSize(52).startsWith("sk-").matches("sk-[A-Za-z0-9_-]{49}");
			assertThat(KeySecret.isWellFormed(value)).isTrue();
			seen.add(value);
		}
		assertThat(seen).hasSize(200);
	}

	@Test
	void acceptsAKeyWithAValidChecksum() {
		assertThat(KeySecret.isWellFormed(KNOWN_KEY)).isTrue();
		assertThat(KeySecret.parse(KNOWN_KEY).hash()).isEqualTo(KNOWN_HASH);
	}

	@Test
	void rejectsAKeyWithOneCharacterChanged() {
		String typo = KNOWN_KEY.substring(0, 10) + "B" + KNOWN_KEY.substring(11);

		assertThat(KeySecret.isWellFormed(typo)).isFalse();
	}

	@Test
	void rejectsAWrongChecksum() {
		assertThat(KeySecret.isWellFormed(KNOWN_KEY.substring(0, 46) + "AAAAAA")).isFalse();
	}

	@Test
	void rejectsWrongPrefixLengthOrAlphabet() {
		assertThat(KeySecret.isWellFormed(null)).isFalse();
		assertThat(KeySecret.isWellFormed("")).isFalse();
		assertThat(KeySecret.isWellFormed("pk-" + KNOWN_KEY.substring(3))).isFalse();
		assertThat(KeySecret.isWellFormed(KNOWN_KEY + "A")).isFalse();
		assertThat(KeySecret.isWellFormed(KNOWN_KEY.substring(0, 51))).isFalse();
		assertThat(KeySecret.isWellFormed(KNOWN_KEY.substring(0, 20) + "+" + KNOWN_KEY.substring(21))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> KeySecret.parse("sk-nope"));
	}

	@Test
	void neverShowsTheSecretInToString() {
		KeySecret secret = KeySecret.parse(KNOWN_KEY);

		assertThat(secret.toString()).doesNotContain(KNOWN_KEY).contains(secret.hint());
	}

	/** Yields 0, 1, 2, ... so the generated key is known in advance. */
	private static final class CountingRandom extends SecureRandom {

		@Override
		public void nextBytes(byte[] bytes) {
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) i;
			}
		}

	}

}
