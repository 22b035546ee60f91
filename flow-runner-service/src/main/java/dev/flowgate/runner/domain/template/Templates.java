package dev.flowgate.runner.domain.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.flowrules.Placeholders;
import dev.flowgate.flowrules.Placeholders.Template;

/**
 * Renders {@code {{reference}}} templates. A template that is exactly one reference
 * yields the referenced value itself, keeping its JSON type; anything else is string
 * interpolation, with objects and arrays written as JSON and {@code null} as nothing.
 * {@link Placeholders} tells references from text, escaped braces included.
 */
public final class Templates {

	private final JsonCodec json;

	public Templates(JsonCodec json) {
		this.json = json;
	}

	/** The raw value of a single-reference template, otherwise the interpolated text. */
	public Object value(String template, TemplateScope scope) {
		Template parsed = Placeholders.parse(template);
		// Not one reference over "{{a}} {{b}}", nor an escaped "\{{a}}".
		if (parsed.isSingleReference()) {
			return scope.resolve(parsed.placeholders().get(0).reference());
		}
		return interpolate(parsed, scope);
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
		return asText(value(template, scope));
	}

	/**
	 * {@link #text} that knows which characters the template wrote and which values did.
	 */
	public TracedText traced(String template, TemplateScope scope) {
		Template parsed = Placeholders.parse(template);
		TracedText.Builder text = new TracedText.Builder().literal(parsed.literals().get(0));
		for (int i = 0; i < parsed.placeholders().size(); i++) {
			text.value(asText(scope.resolve(parsed.placeholders().get(i).reference())))
				.literal(parsed.literals().get(i + 1));
		}
		return text.build();
	}

	/**
	 * Renders every string inside maps and lists as a {@link #value value} template, so a
	 * JSON body keeps the types of the values it refers to.
	 */
	public Object deep(Object template, TemplateScope scope) {
		if (template instanceof String text) {
			return value(text, scope);
		}
		if (template instanceof Map<?, ?> map) {
			Map<String, Object> rendered = new LinkedHashMap<>();
			map.forEach((key, nested) -> rendered.put(String.valueOf(key), deep(nested, scope)));
			return rendered;
		}
		if (template instanceof List<?> list) {
			List<Object> rendered = new ArrayList<>(list.size());
			list.forEach((nested) -> rendered.add(deep(nested, scope)));
			return rendered;
		}
		return template;
	}

	private String interpolate(Template parsed, TemplateScope scope) {
		StringBuilder text = new StringBuilder(parsed.literals().get(0));
		for (int i = 0; i < parsed.placeholders().size(); i++) {
			text.append(asText(scope.resolve(parsed.placeholders().get(i).reference())))
				.append(parsed.literals().get(i + 1));
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

}
