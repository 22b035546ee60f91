package dev.flowgate.runner.domain.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.flowrules.Placeholders;
import dev.flowgate.flowrules.Placeholders.Placeholder;

/**
 * Renders {@code {{reference}}} templates. A template that is exactly one reference
 * yields the referenced value itself, keeping its JSON type; anything else is string
 * interpolation, with objects and arrays written as JSON and {@code null} as nothing.
 */
public final class Templates {

	private final JsonCodec json;

	public Templates(JsonCodec json) {
		this.json = json;
	}

	/** The raw value of a single-reference template, otherwise the interpolated text. */
	public Object value(String template, TemplateScope scope) {
		List<Placeholder> placeholders = Placeholders.in(template);
		// The first reference spanning the whole text, not one over "{{a}} {{b}}".
		if (placeholders.size() == 1 && placeholders.get(0).start() == 0
				&& placeholders.get(0).end() == template.length()) {
			return scope.resolve(placeholders.get(0).reference());
		}
		return interpolate(template, placeholders, scope);
	}

	/** The template's own text, its references left out. */
	public String literal(String template) {
		return interpolate(template, Placeholders.in(template), (placeholder) -> "");
	}

	public boolean hasReference(String template) {
		return Placeholders.any(template);
	}

	/**
	 * What the template renders to when each reference renders to text matching
	 * {@code valuePattern}: its own text quoted, letters in any case.
	 */
	public Pattern rendering(String template, String valuePattern) {
		StringBuilder regex = new StringBuilder();
		int end = 0;
		for (Placeholder placeholder : Placeholders.in(template)) {
			regex.append(Pattern.quote(template.substring(end, placeholder.start()))).append(valuePattern);
			end = placeholder.end();
		}
		regex.append(Pattern.quote(template.substring(end)));
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
		TracedText.Builder text = new TracedText.Builder(template);
		int end = 0;
		for (Placeholder placeholder : Placeholders.in(template)) {
			text.literal(end, placeholder.start()).value(asText(scope.resolve(placeholder.reference())));
			end = placeholder.end();
		}
		return text.literal(end, template.length()).build();
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

	private String interpolate(String template, List<Placeholder> placeholders, TemplateScope scope) {
		return interpolate(template, placeholders, (placeholder) -> asText(scope.resolve(placeholder.reference())));
	}

	private static String interpolate(String template, List<Placeholder> placeholders,
			Function<Placeholder, String> values) {
		StringBuilder text = new StringBuilder();
		int end = 0;
		for (Placeholder placeholder : placeholders) {
			text.append(template, end, placeholder.start()).append(values.apply(placeholder));
			end = placeholder.end();
		}
		return text.append(template, end, template.length()).toString();
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
