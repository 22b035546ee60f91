package dev.flowgate.gateway.domain.input;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flowgate.flowrules.InputType;
import dev.flowgate.gateway.domain.Rejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FluxInputMapperTest {

	// A tiny JSON reader for the test: objects are out of scope, lists of one value are
	// enough.
	private final JsonText json = (text) -> text.startsWith("[") && text.endsWith("]")
			? Optional.of(List.of(text.substring(1, text.length() - 1))) : Optional.empty();

	private final FluxInputMapper mapper = new FluxInputMapper(this.json);

	private final List<InputSpec> specs = List.of(new InputSpec("node-q", "question", InputType.TEXT, true),
			new InputSpec("node-n", "count", InputType.NUMBER, false),
			new InputSpec("node-b", "verbose", InputType.BOOLEAN, false),
			new InputSpec("node-j", "extra", InputType.JSON, false));

	@Test
	void mapsInputNodeIdsToInputNames() {
		Map<String, Object> inputs = this.mapper.map(this.specs,
				List.of(new FluxInput("node-q", "What is Kafka?"), new FluxInput("node-n", " 42 ")));

		assertThat(inputs).containsExactly(Map.entry("question", "What is Kafka?"),
				Map.entry("count", new BigDecimal("42")));
	}

	@Test
	void coercesTextToTheInputsType() {
		Map<String, Object> inputs = this.mapper.map(this.specs, List.of(new FluxInput("node-n", "-1.5e2"),
				new FluxInput("node-b", "TRUE"), new FluxInput("node-j", "[x]")));

		assertThat(inputs).containsEntry("count", new BigDecimal("-1.5e2"))
			.containsEntry("verbose", true)
			.containsEntry("extra", List.of("x"));
	}

	@Test
	void keepsTextThatDoesNotFitSoTheValidatorNamesIt() {
		Map<String, Object> inputs = this.mapper.map(this.specs, List.of(new FluxInput("node-q", "q"),
				new FluxInput("node-n", "many"), new FluxInput("node-b", "yes"), new FluxInput("node-j", "plain")));

		assertThat(inputs).containsEntry("count", "many")
			.containsEntry("verbose", "yes")
			.containsEntry("extra", "plain");
		assertThat(InputValidator.validate(this.specs, inputs, InputSpec::name)).containsExactly(
				new InputViolation("count", "must be a number"), new InputViolation("verbose", "must be a boolean"));
	}

	@Test
	void acceptsTheInputNameInPlaceOfTheNodeId() {
		assertThat(this.mapper.map(this.specs, List.of(new FluxInput("question", "hi")))).containsEntry("question",
				"hi");
	}

	@Test
	void rejectsInputIdsThatMatchNoInputNode() {
		assertThatThrownBy(() -> this.mapper.map(this.specs,
				List.of(new FluxInput("nope", "x"), new FluxInput("node-q", "hi"), new FluxInput("gone", "y"))))
			.isInstanceOfSatisfying(Rejection.class, (rejection) -> {
				assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID_INPUT);
				assertThat(rejection.violations()).extracting(InputViolation::input).containsExactly("nope", "gone");
			});
	}

	@Test
	void rejectsAnInputGivenTwiceByIdOrByName() {
		assertThatThrownBy(() -> this.mapper.map(this.specs,
				List.of(new FluxInput("node-q", "first"), new FluxInput("node-q", "second"),
						new FluxInput("question", "third"))))
			.isInstanceOfSatisfying(Rejection.class,
					(rejection) -> assertThat(rejection.violations()).containsExactly(
							new InputViolation("node-q", "is given more than once"),
							new InputViolation("question", "is given more than once")));
	}

}
