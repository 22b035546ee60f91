package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.flowrules.Placeholders;
import dev.flowgate.flowrules.ReferencePath;

/**
 * Finds the {@code {{reference}}} placeholders in template strings, including strings
 * nested in maps and lists (an http node's headers and body).
 */
final class TemplateReferences {

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
		return ReferencePath.steps(reference).get(0);
	}

	/** For {@code input.name.more}, the {@code name}; otherwise {@code null}. */
	static String inputName(String reference) {
		List<String> steps = ReferencePath.steps(reference);
		return (steps.size() > 1 && steps.get(0).equals(ReferencePath.INPUT_ROOT)) ? steps.get(1) : null;
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
