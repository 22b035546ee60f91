package dev.flowgate.runner.domain.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.NodeFailedException;
import dev.flowgate.flowrules.JsonSize;
import dev.flowgate.flowrules.Placeholders;
import dev.flowgate.flowrules.Placeholders.Template;

/**
 * Renders {@code {{reference}}} templates. A template that is exactly one reference
 * yields the referenced value itself, keeping its JSON type; anything else is string
 * interpolation, with objects and arrays written as JSON and {@code null} as nothing.
 * {@link Placeholders} tells references from text, escaped braces included. One call
 * renders at most {@code maxChars} characters, the values its lone references take in
 * counted by their size as JSON, estimated without writing them: past that its node
 * fails, as a template repeating a large input would otherwise fill the runner's heap.
 */
public final class Templates {

	private final JsonCodec json;

	private final int maxChars;

	public Templates(JsonCodec json, int maxChars) {
		this.json = json;
		this.maxChars = maxChars;
	}

	public JsonCodec json() {
		return this.json;
	}

	/** The raw value of a single-reference template, otherwise the interpolated text. */
	public Object value(String template, TemplateScope scope) {
		return value(template, scope, new Budget());
	}

	private Object value(String template, TemplateScope scope, Budget budget) {
		Template parsed = Placeholders.parse(template);
		// Not one reference over "{{a}} {{b}}", nor an escaped "\{{a}}".
		if (parsed.isSingleReference()) {
			Object value = scope.resolve(parsed.placeholders().get(0).reference());
			budget.spend(JsonSize.of(value));
			return value;
		}
		return interpolate(parsed, scope, budget);
	}

	/** The template's own text (escapes undone), its references left out. */
	public String literal(String template) {
		return Placeholders.parse(template).literal();
	}

	public boolean hasReference(String template) {
		return Placeholders.any(template);
	}

	/**
	 * What the template renders to when each reference renders to text matching
	 * {@code valuePattern}: its own text quoted, letters in any case.
	 */
	public Pattern rendering(String template, String valuePattern) {
		List<String> literals = Placeholders.parse(template).literals();
		StringBuilder regex = new StringBuilder(Pattern.quote(literals.get(0)));
		literals.subList(1, literals.size())
			.forEach((literal) -> regex.append(valuePattern).append(Pattern.quote(literal)));
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}

	/** Always text: a single reference to an object becomes its JSON. */
	public String text(String template, TemplateScope scope) {
		Template parsed = Placeholders.parse(template);
		if (parsed.isSingleReference()) {
			String text = asText(scope.resolve(parsed.placeholders().get(0).reference()));
			new Budget().spend(text.length());
			return text;
		}
		return interpolate(parsed, scope, new Budget());
	}

	/**
	 * {@link #text} that knows which characters the template wrote and which values did.
	 */
	public TracedText traced(String template, TemplateScope scope) {
		Template parsed = Placeholders.parse(template);
		Budget budget = new Budget();
		TracedText.Builder text = new TracedText.Builder().literal(parsed.literals().get(0));
		for (int i = 0; i < parsed.placeholders().size(); i++) {
			String value = asText(scope.resolve(parsed.placeholders().get(i).reference()));
			String literal = parsed.literals().get(i + 1);
			budget.spend(value.length() + literal.length());
			text.value(value).literal(literal);
		}
		return text.build();
	}

	/**
	 * Renders every string inside maps and lists as a {@link #value value} template, so a
	 * JSON body keeps the types of the values it refers to.
	 */
	public Object deep(Object template, TemplateScope scope) {
		return deep(template, scope, new Budget());
	}

	private Object deep(Object template, TemplateScope scope, Budget budget) {
		if (template instanceof String text) {
			return value(text, scope, budget);
		}
		if (template instanceof Map<?, ?> map) {
			Map<String, Object> rendered = new LinkedHashMap<>();
			map.forEach((key, nested) -> rendered.put(String.valueOf(key), deep(nested, scope, budget)));
			return rendered;
		}
		if (template instanceof List<?> list) {
			List<Object> rendered = new ArrayList<>(list.size());
			list.forEach((nested) -> rendered.add(deep(nested, scope, budget)));
			return rendered;
		}
		return template;
	}

	private String interpolate(Template parsed, TemplateScope scope, Budget budget) {
		StringBuilder text = new StringBuilder(parsed.literals().get(0));
		budget.spend(text.length());
		for (int i = 0; i < parsed.placeholders().size(); i++) {
			String value = asText(scope.resolve(parsed.placeholders().get(i).reference()));
			String literal = parsed.literals().get(i + 1);
			budget.spend(value.length() + literal.length());
			text.append(value).append(literal);
		}
		return text.toString();
	}

	private String asText(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof String text) {
			return text;
		}
		return this.json.write(value);
	}

	/** What one call may still render. */
	private final class Budget {

		private long left = Templates.this.maxChars;

		void spend(long chars) {
			this.left -= chars;
			if (this.left < 0) {
				throw NodeFailedException
					.permanent("its templates render more than %d characters".formatted(Templates.this.maxChars));
			}
		}

	}

}
