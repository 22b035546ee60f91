package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.flowgate.flowrules.Placeholders;

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
		return steps(reference).get(0);
	}

	/** For {@code input.name.more}, the {@code name}; otherwise {@code null}. */
	static String inputName(String reference) {
		List<String> steps = steps(reference);
		return (steps.size() > 1 && steps.get(0).equals(INPUT_ROOT)) ? steps.get(1) : null;
	}

	/**
	 * The root, then the steps after it that are not empty: brackets next to each other
	 * ({@code rows[0][1]}) leave an empty part between them, which the runner skips too.
	 */
	private static List<String> steps(String reference) {
		String[] parts = PATH_SEPARATOR.split(reference.trim());
		List<String> steps = new ArrayList<>(List.of((parts.length > 0) ? parts[0].trim() : ""));
		Arrays.stream(parts, 1, parts.length).map(String::trim).filter((step) -> !step.isEmpty()).forEach(steps::add);
		return steps;
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
