package dev.flowgate.runner.domain.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.NodeFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TemplatesTest {

	private static final int MAX_CHARS = 1000;

	private final Templates templates = new Templates(new JsonCodec(), MAX_CHARS);

	private final TemplateScope scope = new TemplateScope(Map.of("city", "Berlin", "count", 3), Map.of("lookup", Map.of(
			"status", 200, "body",
			Map.of("items", List.of(Map.of("name", "first"), Map.of("name", "second", "tags", List.of("a", "b")))))));

	@Test
	void failsItsNodeWhenATemplateRendersMoreThanItsLimitInsteadOfFillingTheHeap() {
		TemplateScope large = new TemplateScope(Map.of("text", "x".repeat(MAX_CHARS / 4)), Map.of());
		String fourTimes = "{{input.text}}".repeat(4);
		String fiveTimes = "{{input.text}}".repeat(5);

		assertThat(this.templates.text(fourTimes, large)).hasSize(MAX_CHARS);
		assertThatExceptionOfType(NodeFailedException.class).isThrownBy(() -> this.templates.text(fiveTimes, large))
			.withMessage("its templates render more than 1000 characters")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		assertThatExceptionOfType(NodeFailedException.class)
			.as("a body's strings count together, and so do the values its lone references take in")
			.isThrownBy(() -> this.templates.deep(Map.of("a", fourTimes, "b", List.of("{{input}}")), large));
	}

	@Test
	void loneReferenceKeepsTheValueAndItsType() {
		assertThat(this.templates.value("{{input.count}}", this.scope)).isEqualTo(3);
		assertThat(this.templates.value("{{ lookup.body.items.1 }}", this.scope))
			.isEqualTo(Map.of("name", "second", "tags", List.of("a", "b")));
		assertThat(this.templates.value("{{lookup}}", this.scope)).isInstanceOf(Map.class);
	}

	@Test
	void interpolationWritesObjectsAsJsonAndMissingValuesAsNothing() {
		assertThat(this.templates.value("Weather in {{input.city}}: {{lookup.status}}", this.scope))
			.isEqualTo("Weather in Berlin: 200");
		assertThat(this.templates.value("tags={{lookup.body.items.1.tags}} none=[{{input.nope}}]", this.scope))
			.isEqualTo("tags=[\"a\",\"b\"] none=[]");
	}

	@Test
	void textThatStartsAndEndsWithAReferenceIsInterpolated() {
		assertThat(this.templates.value("{{input.city}} {{input.count}}", this.scope)).isEqualTo("Berlin 3");
		assertThat(this.templates.value("{{input.city}}{{lookup.status}}", this.scope)).isEqualTo("Berlin200");
		assertThat(this.templates.text("{{input.city}}/{{input.nope}}/{{input.count}}", this.scope))
			.isEqualTo("Berlin//3");
	}

	@Test
	void pathsAcceptDotIndexesAndBrackets() {
		assertThat(this.templates.value("{{lookup.body.items.0.name}}", this.scope)).isEqualTo("first");
		assertThat(this.templates.value("{{lookup.body.items[1].tags[0]}}", this.scope)).isEqualTo("a");
		assertThat(this.templates.value("{{lookup.body.items.7.name}}", this.scope)).isNull();
		assertThat(this.templates.value("{{lookup.status.deeper}}", this.scope)).isNull();
	}

	@Test
	void pathsFollowBracketsThatFollowEachOther() {
		TemplateScope grid = new TemplateScope(Map.of(),
				Map.of("table", Map.of("rows", List.of(List.of("a1", "a2"), List.of("b1", List.of("deep"))))));

		assertThat(this.templates.value("{{table.rows[0][1]}}", grid)).isEqualTo("a2");
		assertThat(this.templates.value("{{table.rows[1][1][0]}}", grid)).isEqualTo("deep");
		assertThat(this.templates.value("{{table.rows[1][1].0}}", grid)).isEqualTo("deep");
		assertThat(this.templates.value("{{table.rows[2][0]}}", grid)).isNull();
	}

	@Test
	void aReferenceOfSeparatorsOnlyReadsNothing() {
		assertThat(this.templates.value("{{.}}", this.scope)).isNull();
		assertThat(this.templates.value("[{{ [] }}]", this.scope)).isEqualTo("[]");
	}

	@Test
	void textRendersALoneObjectReferenceAsJson() {
		assertThat(this.templates.text("{{lookup.body.items.0}}", this.scope)).isEqualTo("{\"name\":\"first\"}");
		assertThat(this.templates.text("{{input.count}}", this.scope)).isEqualTo("3");
		assertThat(this.templates.text("{{input.missing}}", this.scope)).isEmpty();
	}

	@Test
	void deepRenderingKeepsTypesInsideObjectsAndLists() {
		Map<String, Object> body = new HashMap<>();
		body.put("q", "{{input.city}}");
		body.put("n", "{{input.count}}");
		body.put("list", List.of("{{lookup.body.items.0}}", 5, true));
		body.put("label", "city {{input.city}}");
		assertThat(this.templates.deep(body, this.scope)).isEqualTo(Map.of("q", "Berlin", "n", 3, "list",
				List.of(Map.of("name", "first"), 5, true), "label", "city Berlin"));
	}

	@Test
	void inputsMayHoldNullsAndTextWithoutReferencesIsKept() {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("maybe", null);
		TemplateScope withNull = new TemplateScope(inputs, Map.of());
		assertThat(this.templates.value("{{input.maybe}}", withNull)).isNull();
		assertThat(this.templates.value("plain $1 text \\ {{ not closed", withNull))
			.isEqualTo("plain $1 text \\ {{ not closed");
	}

	@Test
	void anEscapedOpeningIsTextAndNoReference() {
		assertThat(this.templates.value("\\{{input.count}}", this.scope)).isEqualTo("{{input.count}}");
		assertThat(this.templates.value("Hello \\{{name}} from {{input.city}}", this.scope))
			.isEqualTo("Hello {{name}} from Berlin");
		assertThat(this.templates.deep(Map.of("q", "\\{{input.count}}"), this.scope))
			.isEqualTo(Map.of("q", "{{input.count}}"));
		assertThat(this.templates.hasReference("\\{{input.city}}")).isFalse();
		assertThat(this.templates.literal("\\{{a}} {{input.city}}")).isEqualTo("{{a}} ");
	}

	@Test
	void anEscapedBackslashBeforeAReferenceIsOneBackslashBeforeItsValue() {
		assertThat(this.templates.value("\\\\{{input.count}}", this.scope)).isEqualTo("\\3");
		assertThat(this.templates.text("C:\\\\{{input.city}}\\x \\ y", this.scope)).isEqualTo("C:\\Berlin\\x \\ y");
	}

	@Test
	void renderingMatchesTheTextWithItsEscapesUndone() {
		Pattern rendering = this.templates.rendering("\\{{x}}-{{input.city}}", "[a-z]+");

		assertThat(rendering.matcher("{{X}}-berlin").matches()).isTrue();
		assertThat(rendering.matcher("\\{{x}}-berlin").matches()).isFalse();
	}

	@Test
	void tracedTextCountsEscapesAsTheTemplatesOwnText() {
		TracedText traced = this.templates.traced("a\\{{b}}/{{input.city}}\\\\{{input.nope}}.", this.scope);

		assertThat(traced.text()).isEqualTo("a{{b}}/Berlin\\.");
		assertThat(traced.isLiteral(0, 7)).isTrue();
		assertThat(traced.isLiteral(6, 8)).isFalse();
		assertThat(traced.isJoined(7)).isFalse();
		assertThat(traced.isLiteral(13, 14)).isTrue();
		// The reference between the backslash and the dot rendered to nothing.
		assertThat(traced.isJoined(14)).isFalse();
		assertThat(traced.isJoined(15)).isTrue();
	}

}
