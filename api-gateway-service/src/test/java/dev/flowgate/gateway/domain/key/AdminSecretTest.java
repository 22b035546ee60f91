package dev.flowgate.gateway.domain.key;

import dev.flowgate.gateway.domain.Rejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class AdminSecretTest {

	private static final String CONFIGURED = "0123456789abcdef0123456789abcdef";

	@Test
	void acceptsOnlyTheConfiguredSecret() {
		AdminSecret secret = new AdminSecret(CONFIGURED);

		assertThatCode(() -> secret.verify(CONFIGURED)).doesNotThrowAnyException();
		assertRejected(() -> secret.verify(CONFIGURED + "2"));
		assertRejected(() -> secret.verify(""));
		assertRejected(() -> secret.verify(null));
	}

	@Test
	void refusesAWrongSecretExactlyAsAMissingOne() {
		AdminSecret secret = new AdminSecret(CONFIGURED);

		Rejection wrong = rejection(() -> secret.verify("guess"));
		Rejection missing = rejection(() -> secret.verify(null));

		assertThat(wrong.reason()).isEqualTo(missing.reason()).isEqualTo(Rejection.Reason.FORBIDDEN);
		assertThat(wrong.getMessage()).isEqualTo(missing.getMessage());
	}

	@Test
	void acceptsNothingWhenNoSecretIsConfigured() {
		AdminSecret secret = new AdminSecret("");

		assertRejected(() -> secret.verify(""));
		assertRejected(() -> secret.verify("anything"));
	}

	@Test
	void refusesToStartWithThePlaceholderOfTheExampleEnvironment() {
		assertThatThrownBy(() -> new AdminSecret("replace-with-openssl-rand-hex-32"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("FLOWGATE_ADMIN_SECRET")
			.hasMessageNotContaining("replace-with-openssl");
	}

	@Test
	void refusesToStartWithASecretShorterThan32Characters() {
		String short31 = CONFIGURED.substring(1);

		assertThatThrownBy(() -> new AdminSecret(short31)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("FLOWGATE_ADMIN_SECRET")
			.hasMessageContaining("flowgate.gateway.admin-secret")
			.hasMessageContaining("32 characters")
			.hasMessageNotContaining(short31);
		assertThatThrownBy(() -> new AdminSecret("  " + short31 + "  ")).as("blanks around it do not count")
			.isInstanceOf(IllegalArgumentException.class);
		assertThatCode(() -> new AdminSecret(null)).as("none: admin routes refuse everything")
			.doesNotThrowAnyException();
	}

	private static void assertRejected(Runnable call) {
		assertThat(rejection(call).reason()).isEqualTo(Rejection.Reason.FORBIDDEN);
	}

	private static Rejection rejection(Runnable call) {
		Throwable thrown = catchThrowable(call::run);
		assertThat(thrown).isInstanceOf(Rejection.class);
		return (Rejection) thrown;
	}

}
