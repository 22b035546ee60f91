package dev.flowgate.flowrules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputTypeTest {

	@Test
	void acceptsOnlyValuesOfItsType() {
		assertThat(InputType.TEXT.accepts("hi")).isTrue();
		assertThat(InputType.TEXT.accepts(3)).isFalse();
		assertThat(InputType.NUMBER.accepts(new BigDecimal("2.5"))).isTrue();
		assertThat(InputType.NUMBER.accepts("2.5")).isFalse();
		assertThat(InputType.BOOLEAN.accepts(true)).isTrue();
		assertThat(InputType.BOOLEAN.accepts("true")).isFalse();
		assertThat(InputType.JSON.accepts(List.of(Map.of("a", 1)))).isTrue();
	}

	@Test
	void refusesANumberBeyondADoublesRange() {
		assertThat(InputType.NUMBER.accepts(new BigDecimal("1e400"))).isFalse();
	}

	@Test
	void acceptsAsAFileUrlOnlyAnHttpUrlWithAHost() {
		assertThat(InputType.FILE_URL.accepts("HTTPS://example.com/a.txt")).isTrue();
		assertThat(InputType.FILE_URL.accepts("https:///no-host")).isFalse();
		assertThat(InputType.FILE_URL.accepts("ftp://example.com/a.txt")).isFalse();
		assertThat(InputType.FILE_URL.accepts("not a url")).isFalse();
	}

	@Test
	void knowsItsTokens() {
		assertThat(InputType.of("file_url")).contains(InputType.FILE_URL);
		assertThat(InputType.of("float")).isEmpty();
	}

}
