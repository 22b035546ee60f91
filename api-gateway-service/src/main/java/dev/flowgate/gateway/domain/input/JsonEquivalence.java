package dev.flowgate.gateway.domain.input;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether two JSON-like values mean the same: numbers compare by value ({@code 1} equals
 * {@code 1.0}), and a map entry whose value is {@code null} equals a missing one. Used to
 * tell a repeated idempotent trigger from a different one.
 */
public final class JsonEquivalence {

	private JsonEquivalence() {
	}

	public static boolean equivalent(Object left, Object right) {
		if (left instanceof Number a && right instanceof Number b) {
			// A number beyond a double's range was read as Infinity,
			// which no BigDecimal holds.
			return (isFinite(a) && isFinite(b))
					? new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0
					: a.doubleValue() == b.doubleValue();
		}
		if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
			return sameEntries(a, b) && sameEntries(b, a);
		}
		if (left instanceof List<?> a && right instanceof List<?> b) {
			return sameElements(a, b);
		}
		return Objects.equals(left, right);
	}

	private static boolean isFinite(Number number) {
		return !(number instanceof Double || number instanceof Float) || Double.isFinite(number.doubleValue());
	}

	private static boolean sameEntries(Map<?, ?> a, Map<?, ?> b) {
		return a.entrySet()
			.stream()
			.allMatch((entry) -> entry.getValue() == null || equivalent(entry.getValue(), b.get(entry.getKey())));
	}

	private static boolean sameElements(List<?> a, List<?> b) {
		if (a.size() != b.size()) {
			return false;
		}
		Iterator<?> right = b.iterator();
		return a.stream().allMatch((element) -> equivalent(element, right.next()));
	}

}
