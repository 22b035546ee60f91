package dev.flowgate.gateway.domain.input;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flowgate.flowrules.InputNesting;
import dev.flowgate.flowrules.InputType;

import static org.assertj.core.api.Assertions.assertThat;

class InputValidatorTest {

	private final List<InputSpec> specs = List.of(new InputSpec("q", "question", InputType.TEXT, true),
			new InputSpec("n", "count", InputType.NUMBER, false),
			new InputSpec("b", "verbose", InputType.BOOLEAN, false), new InputSpec("j", "extra", InputType.JSON, true),
			new InputSpec("f", "document", InputType.FILE_URL, false));

	@Test
	void acceptsInputsOfTheDeclaredTypes() {
		Map<String, Object> inputs = Map.of("question", "What is Kafka?", "count", 3, "verbose", true, "extra",
				List.of(1, "two"), "document", "https://example.com/a.pdf");

		assertThat(InputValidator.validate(this.specs, inputs, InputSpec::name)).isEmpty();
	}

	@Test
	void namesEveryMissingRequiredInput() {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("extra", null);

		assertThat(InputValidator.validate(this.specs, inputs, InputSpec::name))
			.containsExactly(new InputViolation("question", "is required"), new InputViolation("extra", "is required"));
	}

	@Test
	void namesEveryInputOfTheWrongType() {
		Map<String, Object> inputs = Map.of("question", 42, "count", "3", "verbose", "yes", "extra", Map.of(),
				"document", "ftp://example.com/a.pdf");

		assertThat(InputValidator.validate(this.specs, inputs, InputSpec::name)).containsExactly(
				new InputViolation("question", "must be a string"), new InputViolation("count", "must be a number"),
				new InputViolation("verbose", "must be a boolean"),
				new InputViolation("document", "must be an http(s) URL"));
	}

	@Test
	void refusesAnyInputNestedDeeperThanTheLimitDeclaredOrNot() {
		Map<String, Object> inputs = Map.of("question", "q", "extra", nested(InputNesting.MAX_LEVELS), "other",
				nested(InputNesting.MAX_LEVELS + 1), "more", Map.of("a", nested(InputNesting.MAX_LEVELS)));

		assertThat(InputValidator.validate(this.specs, inputs, InputSpec::name)).containsExactlyInAnyOrder(
				new InputViolation("other", "nests objects and arrays deeper than 100 levels"),
				new InputViolation("more", "nests objects and arrays deeper than 100 levels"));
	}

	/** Arrays nested {@code levels} deep, as {@code [[[1]]]} is three. */
	private static Object nested(int levels) {
		Object value = 1;
		for (int i = 0; i < levels; i++) {
			value = List.of(value);
		}
		return value;
	}

	@Test
	void acceptsAnyNumberTypeAndAnyJsonValue() {
		Map<String, Object> inputs = Map.of("question", "", "count", new BigDecimal("1.5"), "extra", "plain text");

		assertThat(InputValidator.validate(this.specs, inputs, InputSpec::name)).isEmpty();
	}

	@Test
	void refusesNumbersBeyondADoublesRange() {
		List<InputSpec> count = List.of(new InputSpec("n", "count", InputType.NUMBER, true));

		assertThat(InputValidator.validate(count, Map.of("count", Double.POSITIVE_INFINITY), InputSpec::name))
			.containsExactly(new InputViolation("count", "must be a number"));
		assertThat(InputValidator.validate(count, Map.of("count", new BigDecimal("1e400")), InputSpec::name))
			.containsExactly(new InputViolation("count", "must be a number"));
		assertThat(InputValidator.validate(count, Map.of("count", new BigDecimal("-1.7e308")), InputSpec::name))
			.isEmpty();
	}

	@Test
	void checksFileUrlsForSchemeAndHost() {
		assertThat(InputValidator.isHttpUrl("http://example.com")).isTrue();
		assertThat(InputValidator.isHttpUrl("HTTPS://example.com/x?y=1")).isTrue();
		assertThat(InputValidator.isHttpUrl("https:///no-host")).isFalse();
		assertThat(InputValidator.isHttpUrl("not a url")).isFalse();
		assertThat(InputValidator.isHttpUrl(7)).isFalse();
	}

	@Test
	void describesViolationsInOneLine() {
		assertThat(InputViolation
			.describe(List.of(new InputViolation("a", "is required"), new InputViolation("b", "must be a number"))))
			.isEqualTo("Invalid inputs: a: is required; b: must be a number");
	}

}
