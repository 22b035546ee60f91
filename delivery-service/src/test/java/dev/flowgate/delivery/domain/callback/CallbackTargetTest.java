package dev.flowgate.delivery.domain.callback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallbackTargetTest {

	@Test
	void splitsAUrlIntoOriginAndRequestTarget() {
		CallbackTarget target = CallbackTarget.parse("https://Hooks.Example.com/in/flowgate?token=a%20b#ignored");

		assertThat(target).isEqualTo(new CallbackTarget("https", "hooks.example.com", 443, "/in/flowgate?token=a%20b"));
		assertThat(target.origin()).isEqualTo("https://hooks.example.com:443");
	}

	@Test
	void keepsNumericHostsAsWrittenForTheGuard() {
		assertThat(CallbackTarget.parse("http://127.1/").host()).isEqualTo("127.1");
		assertThat(CallbackTarget.parse("http://0x7f.1:8080").port()).isEqualTo(8080);
		assertThat(CallbackTarget.parse("http://[::ffff:127.0.0.1]:81/x"))
			.isEqualTo(new CallbackTarget("http", "::ffff:127.0.0.1", 81, "/x"));
		assertThat(CallbackTarget.parse("http://[::1]/").origin()).isEqualTo("http://[::1]:80");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/", "example.com/hook", "http:///path", "http://user:pw@example.com/",
			"http://example.com:0/", "http://example.com:99999/", "http://example.com:x/", "http://[::1/" })
	void rejectsUrlsThatCannotBePostedTo(String url) {
		assertThatExceptionOfType(InvalidCallbackUrlException.class).isThrownBy(() -> CallbackTarget.parse(url));
	}

}
