package dev.flowgate.flowrules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Estimates how many bytes a decoded value takes as JSON without serializing it: what
 * deployment-service stores of a payload, and what a template takes in for the runner's
 * rendering budget. Escapes are counted as one byte, which is close enough for a limit.
 * It walks without recursion: a flow's outputs may nest as deep as JSON writers allow,
 * deeper than a listener thread's stack would take.
 */
public final class JsonSize {

	private static final int NULL_SIZE = 4;

	private static final int QUOTES = 2;

	// The colon after a member's name, or the comma after a member or an element.
	private static final int SEPARATOR = 1;

	private JsonSize() {
	}

	public static long of(Object value) {
		long size = 0;
		Deque<Holder> pending = new ArrayDeque<>();
		pending.push(new Holder(value));
		while (!pending.isEmpty()) {
			Object next = pending.pop().value();
			if (next instanceof Map<?, ?> map) {
				size += QUOTES;
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					size += scalar(String.valueOf(entry.getKey())) + SEPARATOR + SEPARATOR;
					pending.push(new Holder(entry.getValue()));
				}
			}
			else if (next instanceof List<?> list) {
				size += QUOTES + (long) SEPARATOR * list.size();
				list.forEach((element) -> pending.push(new Holder(element)));
			}
			else {
				size += scalar(next);
			}
		}
		return size;
	}

	/**
	 * How many JSON values the value holds, itself included (each object, array and
	 * scalar): decoded, each takes an object of its own, so many small ones take far more
	 * memory than their text.
	 */
	public static long values(Object value) {
		long count = 0;
		Deque<Holder> pending = new ArrayDeque<>();
		pending.push(new Holder(value));
		while (!pending.isEmpty()) {
			count++;
			Object next = pending.pop().value();
			if (next instanceof Map<?, ?> map) {
				map.values().forEach((member) -> pending.push(new Holder(member)));
			}
			else if (next instanceof List<?> list) {
				list.forEach((element) -> pending.push(new Holder(element)));
			}
		}
		return count;
	}

	private static long scalar(Object value) {
		if (value == null) {
			return NULL_SIZE;
		}
		if (value instanceof String text) {
			return QUOTES + text.getBytes(StandardCharsets.UTF_8).length;
		}
		return String.valueOf(value).length();
	}

	// ArrayDeque takes no null, which JSON values may be.
	private record Holder(Object value) {
	}

}
