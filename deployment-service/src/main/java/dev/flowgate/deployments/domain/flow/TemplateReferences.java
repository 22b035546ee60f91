package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.flowgate.templates.Placeholders;

/**
 * Finds the {@code {{reference}}} placeholders in template strings, including strings
 * nested in maps and lists (an http node's headers and body).
 */
final class TemplateReferences {

	// As the runner reads a path: items.0.name and items[0].name alike, steps trimmed.
	private static final Pattern PATH_SEPARATOR = Pattern.compile("\\.|\\[|]\\.?");

	static final String INPUT_ROOT = "input";

	private TemplateReferences() {
	}

	/** Every placeholder's trimmed content, in order. */
	static List<String> in(Object value) {
		List<String> references = new ArrayList<>();
		collect(value, references);
		return references;
	}

	/** The node id (or {@code input}) a reference starts with. */
	static String root(String reference) {
		return PATH_SEPARATOR.split(reference, 2)[0].trim();
	}

	/** For {@code input.name.more}, the {@code name}; otherwise {@code null}. */
	static String inputName(String reference) {
		String[] steps = PATH_SEPARATOR.split(reference, 3);
		return (steps.length > 1 && steps[0].trim().equals(INPUT_ROOT)) ? steps[1].trim() : null;
	}

	private static void collect(Object value, List<String> references) {
		if (value instanceof String text) {
			Placeholders.in(text).forEach((placeholder) -> references.add(placeholder.reference().trim()));
		}
		else if (value instanceof Map<?, ?> map) {
			map.values().forEach((nested) -> collect(nested, references));
		}
		else if (value instanceof List<?> list) {
			list.forEach((nested) -> collect(nested, references));
		}
	}

}
