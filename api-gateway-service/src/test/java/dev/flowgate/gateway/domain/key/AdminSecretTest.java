package dev.flowgate.gateway.domain.key;

import dev.flowgate.gateway.domain.Rejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminSecretTest {

	private static final String CONFIGURED = "0123456789abcdef0123456789abcdef";

	@Test
	void acceptsOnlyTheConfiguredSecret() {
		AdminSecret secret = new AdminSecret(CONFIGURED);

		assertThatCode(() -> secret.verify(CONFIGURED)).doesNotThrowAnyException();
		assertRejected(() -> secret.verify(CONFIGURED + "2"), Rejection.Reason.UNAUTHENTICATED);
		assertRejected(() -> secret.verify(null), Rejection.Reason.FORBIDDEN);
	}

	@Test
	void acceptsNothingWhenNoSecretIsConfigured() {
		AdminSecret secret = new AdminSecret("");

		assertRejected(() -> secret.verify(""), Rejection.Reason.FORBIDDEN);
		assertRejected(() -> secret.verify("anything"), Rejection.Reason.UNAUTHENTICATED);
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

	private static void assertRejected(Runnable call, Rejection.Reason reason) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> assertThat(rejection.reason()).isEqualTo(reason));
	}

}
