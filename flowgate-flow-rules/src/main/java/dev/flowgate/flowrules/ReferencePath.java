package dev.flowgate.flowrules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The steps of a placeholder's reference, such as {@code lookup.items[0].name}, as the
 * runner follows them and deployment-service checks them when a flow is saved:
 * {@code items.0} and {@code items[0]} alike, each step trimmed.
 */
public final class ReferencePath {

	/** The root of a reference to the trigger's inputs: {@code {{input.name}}}. */
	public static final String INPUT_ROOT = "input";

	private static final Pattern SEPARATOR = Pattern.compile("\\.|\\[|]\\.?");

	private ReferencePath() {
	}

	/**
	 * The root ({@code input} or a node id; empty when the reference starts with a
	 * separator, or is only separators), then every step after it that is not empty:
	 * brackets next to each other ({@code rows[0][1]}) leave an empty part between them.
	 */
	public static List<String> steps(String reference) {
		String[] parts = SEPARATOR.split(reference.trim());
		List<String> steps = new ArrayList<>();
		steps.add((parts.length > 0) ? parts[0].trim() : "");
		for (int i = 1; i < parts.length; i++) {
			String step = parts[i].trim();
			if (!step.isEmpty()) {
				steps.add(step);
			}
		}
		return List.copyOf(steps);
	}

}
