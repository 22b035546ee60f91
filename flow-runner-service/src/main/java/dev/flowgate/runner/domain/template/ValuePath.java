package dev.flowgate.runner.domain.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A dot path into a value, such as {@code items.0.name}; {@code items[0].name} means the
 * same. A step that does not exist yields {@code null}.
 */
public final class ValuePath {

	private static final Pattern SEPARATOR = Pattern.compile("\\.|\\[|]\\.?");

	private final List<String> steps;

	private ValuePath(List<String> steps) {
		this.steps = steps;
	}

	public static ValuePath parse(String path) {
		String[] parts = SEPARATOR.split(path.trim());
		// Separators alone ("." or "[]") split into no part at all: no root either.
		List<String> steps = new ArrayList<>(List.of((parts.length > 0) ? parts[0].trim() : ""));
		// Brackets next to each other ("[0][1]") leave an empty part between them.
		Arrays.stream(parts, 1, parts.length).map(String::trim).filter((step) -> !step.isEmpty()).forEach(steps::add);
		return new ValuePath(List.copyOf(steps));
	}

	/** The first step: {@code input} or a node id. */
	public String root() {
		return this.steps.get(0);
	}

	/** Follows every step after the root, starting at {@code value}. */
	public Object resolveAfterRoot(Object value) {
		Object current = value;
		for (String step : this.steps.subList(1, this.steps.size())) {
			current = step(current, step);
			if (current == null) {
				return null;
			}
		}
		return current;
	}

	private static Object step(Object value, String step) {
		if (value instanceof Map<?, ?> map) {
			return map.get(step);
		}
		if (value instanceof List<?> list && isIndex(step)) {
			int index = Integer.parseInt(step);
			return (index < list.size()) ? list.get(index) : null;
		}
		return null;
	}

	private static boolean isIndex(String step) {
		return !step.isEmpty() && step.length() < 10 && step.chars().allMatch(Character::isDigit);
	}

}
