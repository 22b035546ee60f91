package dev.flowgate.gateway.domain.key;

import dev.flowgate.gateway.domain.Rejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminSecretTest {

	@Test
	void acceptsOnlyTheConfiguredSecret() {
		AdminSecret secret = new AdminSecret("s3cret-admin");

		assertThatCode(() -> secret.verify("s3cret-admin")).doesNotThrowAnyException();
		assertRejected(() -> secret.verify("s3cret-admin2"), Rejection.Reason.UNAUTHENTICATED);
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

	private static void assertRejected(Runnable call, Rejection.Reason reason) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> assertThat(rejection.reason()).isEqualTo(reason));
	}

}
