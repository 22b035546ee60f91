package dev.flowgate.delivery.domain.signing;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSecretTest {

	@Test
	void isThePrefixAndTheBase64OfTheRandomKey() {
		WebhookSecret secret = WebhookSecret.generate(new SecureRandom(), 32);

		assertThat(secret.value()).startsWith("whsec_");
		assertThat(secret.key()).hasSize(32)
			.isEqualTo(Base64.getDecoder().decode(secret.value().substring("whsec_".length())));
	}

	@Test
	void refusesKeysShorterThan24Bytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.generate(new SecureRandom(), 23));
	}

	@Test
	void neverShowsItselfInToString() {
		WebhookSecret secret = WebhookSecret.generate(new SecureRandom(), 32);

		assertThat(secret.toString()).doesNotContain(secret.value().substring(6)).contains(secret.fingerprint());
	}

	@Test
	void readsAStoredSecretBack() {
		WebhookSecret secret = WebhookSecret.generate(new SecureRandom(), 32);

		assertThat(WebhookSecret.of(secret.value())).isEqualTo(secret);
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.of("not-a-secret"));
	}

}
