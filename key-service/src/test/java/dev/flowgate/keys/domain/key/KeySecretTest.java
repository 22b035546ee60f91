package dev.flowgate.keys.domain.key;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import dev.flowgate.apikeys.ApiKeyFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The format itself is tested in flowgate-api-keys; here, that key-service keeps to it.
 */
class KeySecretTest {

	/**
	 * Computed independently (Python: base64, zlib.crc32, hashlib) for bytes 0..31; the
	 * gateway's KeyViewTest authenticates the same key by the same hash.
	 */
	private static final String KNOWN_KEY = knownKey();

	private static final String KNOWN_HASH = "ba2744b270cc3b7085f2dde42066eb31aca8291e47c47351905c6a98afb2ea1b";

	@Test
	void generatesTheDocumentedFormatFromRandomBytes() {
		KeySecret secret = KeySecret.generate(new CountingRandom());

		assertThat(secret.value()).isEqualTo(KNOWN_KEY);
		assertThat(secret.hash()).isEqualTo(KNOWN_HASH);
		assertThat(secret.hint()).isEqualTo("sk-AAECA…6rsaQ");
	}

	@Test
	void generatesWellFormedDistinctKeysThatHashAsTheGatewayHashesThem() {
		SecureRandom random = new SecureRandom();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			KeySecret secret = KeySecret.generate(random);
			assertThat(secret.value()).hasSize(52).matches("sk-[A-Za-z0-9_-]{49}");
			assertThat(ApiKeyFormat.isWellFormed(secret.value())).isTrue();
			assertThat(secret.hash()).isEqualTo(ApiKeyFormat.hash(secret.value()));
			seen.add(secret.value());
		}
		assertThat(seen).hasSize(200);
	}

	@Test
	void parsesAWellFormedKeyOnly() {
		assertThat(KeySecret.parse(KNOWN_KEY).hash()).isEqualTo(KNOWN_HASH);
		assertThatIllegalArgumentException().isThrownBy(() -> KeySecret.parse("sk-nope"));
		assertThatIllegalArgumentException().isThrownBy(() -> KeySecret.parse(KNOWN_KEY.substring(0, 46) + "AAAAAA"));
	}

	@Test
	void neverShowsTheSecretInToString() {
		KeySecret secret = KeySecret.parse(KNOWN_KEY);

		assertThat(secret.toString()).doesNotContain(KNOWN_KEY).contains(secret.hint());
	}

	/** Yields 0, 1, 2, ... so the generated key is known in advance. */
	/** Put together at run time: no key is written in the sources. */
	private static String knownKey() {
		byte[] counting = new byte[32];
		new CountingRandom().nextBytes(counting);
		return "sk-" + Base64.getUrlEncoder().withoutPadding().encodeToString(counting) + "76rsaQ";
	}

	private static final class CountingRandom extends SecureRandom {

		@Override
		public void nextBytes(byte[] bytes) {
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) i;
			}
		}

	}

}
