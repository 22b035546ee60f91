package dev.flowgate.runner.domain.template;

import java.util.List;
import java.util.Map;

import dev.flowgate.flowrules.ReferencePath;

/**
 * A dot path into a value, such as {@code items.0.name}; {@code items[0].name} means the
 * same. A step that does not exist yields {@code null}.
 */
public final class ValuePath {

	private final List<String> steps;

	private ValuePath(List<String> steps) {
		this.steps = steps;
	}

	public static ValuePath parse(String path) {
		return new ValuePath(ReferencePath.steps(path));
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
