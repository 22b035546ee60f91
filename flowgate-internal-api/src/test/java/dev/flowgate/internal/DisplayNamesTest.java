package dev.flowgate.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayNamesTest {

	@ParameterizedTest
	@ValueSource(strings = { "billing", "Café crème", "日本語の名前", "👍 approved", "tab-free name" })
	void acceptsPlainText(String name) {
		assertThat(DisplayNames.problem(name, 20)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nul\u0000", "escape \u001b[31mred", "line\nbreak", "del\u007f", "c1\u0085" })
	void refusesControlCharacters(String name) {
		assertThat(DisplayNames.problem(name, 100)).contains("must not contain control characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "invoice\u202Egnp.exe", "isolate \u2066x\u2069" })
	void refusesBidirectionalOverrides(String name) {
		assertThat(DisplayNames.problem(name, 100)).contains("must not contain control characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "lone \uD800", "\uDC00 low first", "end \uD83D" })
	void refusesLoneSurrogates(String name) {
		assertThat(DisplayNames.problem(name, 100)).contains("is not valid Unicode text");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void requiresSomeText(String name) {
		assertThat(DisplayNames.problem(name, 100)).contains("is required");
		assertThat(DisplayNames.problem(null, 100)).contains("is required");
	}

	@Test
	void countsCharactersNotUtf16Units() {
		String emoji = "👍".repeat(100);

		assertThat(DisplayNames.problem(emoji, 100)).isEmpty();
		assertThat(DisplayNames.problem(emoji + "👍", 100)).contains("must be at most 100 characters");
	}

}
