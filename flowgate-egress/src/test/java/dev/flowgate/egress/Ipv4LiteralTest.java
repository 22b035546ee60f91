package dev.flowgate.egress;

import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Ipv4LiteralTest {

	@ParameterizedTest
	@CsvSource({ "127.1, 127.0.0.1", "127.0.0.1, 127.0.0.1", "2130706433, 127.0.0.1", "0x7f.0.0.1, 127.0.0.1",
			"0x7f.1, 127.0.0.1", "0177.0.0.1, 127.0.0.1", "10.1, 10.0.0.1", "169.254.43518, 169.254.169.254",
			"127.0.0.1., 127.0.0.1", "0, 0.0.0.0", "0x, 0.0.0.0" })
	void readsEveryFormUrlParsersAccept(String host, String address) throws Exception {
		assertThat(Ipv4Literal.isNumeric(host)).isTrue();
		assertThat(Ipv4Literal.parse(host).getHostAddress()).isEqualTo(address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "1.example", "localhost", "0x7f.example", "a1" })
	void leavesNamesToTheResolver(String host) {
		assertThat(Ipv4Literal.isNumeric(host)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "256.0.0.1", "1.2.3.4.5", "4294967296", "1.2.3.256", "09.1.1.1", "1.-1.1.1", "1..1" })
	void rejectsNumericHostsThatAreNoAddress(String host) {
		assertThat(Ipv4Literal.isNumeric(host)).isTrue();
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> Ipv4Literal.parse(host));
	}

}
