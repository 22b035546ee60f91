package dev.flowgate.delivery.persistence;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import dev.flowgate.delivery.domain.signing.UnreadableSecretException;
import dev.flowgate.delivery.domain.signing.WebhookSecret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecretCipherTest {

	private static final String SECRET = WebhookSecret.generate(new SecureRandom(), 32).value();

	private final SecretCipher cipher = new SecretCipher(List.of(newKey()));

	@Test
	void sealsWithAFreshNonceEachTimeAndOpensToTheSameSecret() {
		String first = this.cipher.seal("owner-1", SECRET);
		String second = this.cipher.seal("owner-1", SECRET);

		assertThat(first).startsWith("v1.").doesNotContain(SECRET).isNotEqualTo(second);
		assertThat(this.cipher.open("owner-1", first)).isEqualTo(SECRET);
		assertThat(this.cipher.open("owner-1", second)).isEqualTo(SECRET);
	}

	@Test
	void doesNotOpenASecretMovedToAnotherOwner() {
		String sealed = this.cipher.seal("owner-1", SECRET);

		assertThatExceptionOfType(UnreadableSecretException.class).isThrownBy(() -> this.cipher.open("owner-2", sealed))
			.withMessageContaining("owner-2");
	}

	@Test
	void doesNotOpenATamperedValue() {
		String sealed = this.cipher.seal("owner-1", SECRET);
		int middle = sealed.length() / 2;
		char replaced = (sealed.charAt(middle) == 'A') ? 'B' : 'A';
		String tampered = sealed.substring(0, middle) + replaced + sealed.substring(middle + 1);

		assertThatExceptionOfType(UnreadableSecretException.class)
			.isThrownBy(() -> this.cipher.open("owner-1", tampered));
	}

	@Test
	void reportsADamagedValueAsUnreadable() {
		String sealed = this.cipher.seal("owner-1", SECRET);
		String prefix = sealed.substring(0, sealed.lastIndexOf('.') + 1);

		assertThatExceptionOfType(UnreadableSecretException.class)
			.isThrownBy(() -> this.cipher.open("owner-1", prefix + "AAAA"))
			.withMessageContaining("damaged");
		assertThatExceptionOfType(UnreadableSecretException.class)
			.isThrownBy(() -> this.cipher.open("owner-1", prefix + "not base64!"));
	}

	@Test
	void leavesValuesAsTheyAreWithoutKeys() {
		SecretCipher none = new SecretCipher(List.of("", " "));

		assertThat(none.encrypts()).isFalse();
		assertThat(none.seal("owner-1", SECRET)).isEqualTo(SECRET);
		assertThat(none.open("owner-1", SECRET)).isEqualTo(SECRET);
	}

	@Test
	void rejectsKeysThatAreNot32BytesOfBase64() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher(List.of("not base64!")))
			.withMessageContaining("base64");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecretCipher(List.of(Base64.getEncoder().encodeToString(new byte[16]))))
			.withMessageContaining("32 bytes");
	}

	static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
