package dev.flowgate.gateway.domain.input;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * How deeply a decoded JSON value nests objects and arrays, counted without recursion: a
 * caller's value is checked before anything walks it recursively.
 */
final class JsonDepth {

	private JsonDepth() {
	}

	/** Whether the value holds objects or arrays nested more than {@code levels} deep. */
	static boolean exceeds(Object value, int levels) {
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

	private static Collection<?> childrenOf(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.values();
		}
		return (value instanceof Collection<?> collection) ? collection : null;
	}

	private record Nested(Object value, int level) {
	}

}
