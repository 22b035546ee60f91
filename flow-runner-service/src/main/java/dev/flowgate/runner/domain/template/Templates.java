package dev.flowgate.runner.domain.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flowgate.runner.domain.json.JsonCodec;

/**
 * Renders {@code {{reference}}} templates. A template that is exactly one reference
 * yields the referenced value itself, keeping its JSON type; anything else is string
 * interpolation, with objects and arrays written as JSON and {@code null} as nothing.
 */
public final class Templates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");

	private final JsonCodec json;

	public Templates(JsonCodec json) {
		this.json = json;
	}

	/** The raw value of a single-reference template, otherwise the interpolated text. */
	public Object value(String template, TemplateScope scope) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		// The first reference spanning the whole text, not matches(): that would stretch
		// one reference over "{{a}} {{b}}".
		if (matcher.find() && matcher.start() == 0 && matcher.end() == template.length()) {
			return scope.resolve(matcher.group(1));
		}
		return interpolate(template, scope);
	}

	/** The template's own text, its references left out. */
	public String literal(String template) {
		return PLACEHOLDER.matcher(template).replaceAll("");
	}

	public boolean hasReference(String template) {
		return PLACEHOLDER.matcher(template).find();
	}

	/**
	 * What the template renders to when each reference renders to text matching
	 * {@code valuePattern}: its own text quoted, letters in any case.
	 */
	public Pattern rendering(String template, String valuePattern) {
		StringBuilder regex = new StringBuilder();
		Matcher matcher = PLACEHOLDER.matcher(template);
		int end = 0;
		while (matcher.find()) {
			regex.append(Pattern.quote(template.substring(end, matcher.start()))).append(valuePattern);
			end = matcher.end();
		}
		regex.append(Pattern.quote(template.substring(end)));
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}

	/** Always text: a single reference to an object becomes its JSON. */
	public String text(String template, TemplateScope scope) {
		return asText(value(template, scope));
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

	private String interpolate(String template, TemplateScope scope) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(text, Matcher.quoteReplacement(asText(scope.resolve(matcher.group(1)))));
		}
		matcher.appendTail(text);
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
