package dev.flowgate.flowrules;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * How deeply an input's value nests objects and arrays, counted without recursion: the
 * gateway checks a trigger's inputs and deployment-service an input node's test value
 * before anything walks them recursively.
 */
public final class InputNesting {

	/**
	 * Objects and arrays nested in one input at most: far more than data has, and few
	 * enough for every service to walk on its smallest thread stack (JSON parsers stop at
	 * 500).
	 */
	public static final int MAX_LEVELS = 100;

	/** Why an input nested deeper than {@link #MAX_LEVELS} is refused. */
	public static final String TOO_DEEP = "nests objects and arrays deeper than " + MAX_LEVELS + " levels";

	private InputNesting() {
	}

	/** Whether the value holds objects or arrays nested more than {@code levels} deep. */
	public static boolean exceeds(Object value, int levels) {
		Deque<Nested> pending = new ArrayDeque<>();
		pending.push(new Nested(value, 1));
		while (!pending.isEmpty()) {
			Nested next = pending.pop();
			Collection<?> children = childrenOf(next.value());
			if (children == null) {
				continue;
			}
			if (next.level() > levels) {
				return true;
			}
			children.forEach((child) -> pending.push(new Nested(child, next.level() + 1)));
		}
		return false;
	}

	/** Whether the value nests deeper than an input may. */
	public static boolean isTooDeep(Object value) {
		return exceeds(value, MAX_LEVELS);
	}

	private static Collection<?> childrenOf(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.values();
		}
		return (value instanceof Collection<?> collection) ? collection : null;
	}

	private record Nested(Object value, int level) {
	}

}
