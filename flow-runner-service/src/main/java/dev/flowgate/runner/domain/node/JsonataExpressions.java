package dev.flowgate.runner.domain.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dashjoin.jsonata.Jsonata;

/**
 * Evaluates JSONata expressions with a time, depth and memory bound, so a runaway
 * expression can neither hold a worker thread nor fill the heap.
 */
public final class JsonataExpressions {

	private final Duration timeLimit;

	private final int maxDepth;

	private final long maxAllocatedBytes;

	/**
	 * @param maxAllocatedBytes the most one evaluation may allocate
	 */
	public JsonataExpressions(Duration timeLimit, int maxDepth, long maxAllocatedBytes) {
		this.timeLimit = timeLimit;
		this.maxDepth = maxDepth;
		this.maxAllocatedBytes = maxAllocatedBytes;
	}

	/**
	 * The expression's value as plain JSON values; undefined is {@code null}.
	 * @param timeLimit the node's timeout, which does not stop the thread evaluating;
	 * capped by the runner's own bound, which {@code null} stands for
	 */
	public Object evaluate(String expression, Object data, Duration timeLimit) {
		Object value;
		Duration bound = (timeLimit != null && timeLimit.compareTo(this.timeLimit) < 0) ? timeLimit : this.timeLimit;
		long deadline = System.nanoTime() + bound.toNanos();
		try {
			Jsonata compiled = Jsonata.jsonata(expression);
			Jsonata.Frame frame = compiled.createFrame();
			EvaluationBounds.install(frame, deadline, this.maxDepth, this.maxAllocatedBytes);
			BoundedJsonataFunctions.bindTo(frame);
			value = BoundedJsonataFunctions.within(deadline, () -> compiled.evaluate(data, frame));
		}
		catch (RuntimeException ex) {
			if (System.nanoTime() - deadline >= 0) {
				// Stopped at its deadline, wherever the bounds noticed it: said as the
				// node's timeout says it, which may stop it first.
				throw NodeFailedException.permanent("timed out after %d ms".formatted(bound.toMillis()));
			}
			// JException for syntax and type errors; the bounds throw others.
			throw NodeFailedException.permanent("JSONata: " + ex.getMessage());
		}
		return plain(value);
	}

	/** JSONata's truthiness, as {@code $boolean()} defines it. */
	public boolean isTruthy(Object value) {
		return Jsonata.boolize(value);
	}

	private static Object plain(Object value) {
		if (value == null || value == Jsonata.NULL_VALUE) {
			return null;
		}
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, nested) -> copy.put(String.valueOf(key), plain(nested)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((nested) -> copy.add(plain(nested)));
			return copy;
		}
		throw NodeFailedException.permanent("JSONata: the expression yields a function, not a JSON value");
	}

}
