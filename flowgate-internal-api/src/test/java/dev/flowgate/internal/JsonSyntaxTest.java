package dev.flowgate.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonSyntaxTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void describesAnUnfinishedObjectWithoutJacksonsSourceNote() {
		assertThat(describe("{\"input_data\":{\"text\":\"a\""))
			.isEqualTo("Unexpected end-of-input: expected close marker for Object (line 1, column 26)");
	}

	@Test
	void leavesOutTheSettingThatWouldAllowANonStandardToken() {
		assertThat(describe("{\"q\":NaN}")).startsWith("Non-standard token 'NaN'")
			.doesNotContain("enable")
			.doesNotContain("`");
	}

	@Test
	void leavesOutTheSettingThatBoundsNesting() {
		assertThat(describe("[".repeat(5000) + "]".repeat(5000)))
			.matches("Document nesting depth \\(\\d+\\) exceeds the maximum allowed \\(\\d+\\).*")
			.doesNotContain("StreamReadConstraints");
	}

	@Test
	void keepsWhatJacksonSaysInJsonsTerms() {
		assertThat(describe("{\"a\":x}")).startsWith("Unrecognized token 'x'").contains("(line 1, column ");
	}

	private String describe(String body) {
		JacksonException ex = catchThrowableOfType(JacksonException.class, () -> this.json.readTree(body));
		return JsonSyntax.describe(ex);
	}

}
