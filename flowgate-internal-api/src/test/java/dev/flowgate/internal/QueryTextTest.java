package dev.flowgate.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryTextTest {

	@Test
	void decodesEscapesAsUtf8AndPlusAsASpace() {
		assertThat(QueryText.decode("%C3%A9t%C3%A9+x%2B1")).isEqualTo("été x+1");
		assertThat(QueryText.decode("a+b")).isEqualTo("a b");
		assertThat(QueryText.decode("%F0%9F%98%80")).isEqualTo("\uD83D\uDE00");
	}

	@Test
	void refusesABrokenEscape() {
		for (String broken : new String[] { "%zz", "%%%", "a%", "a%4", "%4g" }) {
			assertThatExceptionOfType(QueryText.Malformed.class).as(broken)
				.isThrownBy(() -> QueryText.decode(broken))
				.withMessageContaining("two hex digits");
		}
	}

	@Test
	void refusesEscapesThatAreNotUtf8() {
		// An overlong '/', a cut-off three-byte sequence, a lone continuation byte.
		for (String notUtf8 : new String[] { "%C0%AF", "%E0%A4", "x%80" }) {
			assertThatExceptionOfType(QueryText.Malformed.class).as(notUtf8)
				.isThrownBy(() -> QueryText.decode(notUtf8))
				.withMessageContaining("UTF-8");
		}
	}

	@Test
	void namesTheParameterThatDoesNotDecode() {
		assertThat(QueryText.parameterNames("limit=5&curs%6Fr=a+b&flag")).containsExactly("limit", "cursor", "flag");
		assertThatExceptionOfType(QueryText.Malformed.class)
			.isThrownBy(() -> QueryText.parameterNames("limit=5&window=%E0%A4"))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("window"));
		assertThatExceptionOfType(QueryText.Malformed.class).isThrownBy(() -> QueryText.parameterNames("li%mit=5"))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("li%mit"));
	}

}
