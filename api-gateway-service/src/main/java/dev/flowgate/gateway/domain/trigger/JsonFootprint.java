package dev.flowgate.gateway.domain.trigger;

import java.util.Collection;
import java.util.Map;

import dev.flowgate.contracts.NodeTrace;

/**
 * About how many bytes of heap a decoded JSON value takes: enough to budget what the
 * idempotency memory holds, not an exact count.
 */
final class JsonFootprint {

	/** An object's header and reference, a boxed number's or a map entry's. */
	private static final long OVERHEAD = 32;

	private static final long BYTES_PER_CHAR = 2;

	private JsonFootprint() {
	}

	static long of(Object value) {
		if (value instanceof Map<?, ?> map) {
			long bytes = OVERHEAD;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				bytes += OVERHEAD + of(entry.getKey()) + of(entry.getValue());
			}
			return bytes;
		}
		if (value instanceof Collection<?> values) {
			long bytes = OVERHEAD;
			for (Object element : values) {
				bytes += of(element);
			}
			return bytes;
		}
		if (value instanceof CharSequence text) {
			return OVERHEAD + BYTES_PER_CHAR * text.length();
		}
		return OVERHEAD;
	}

	/** What a finished execution adds to its trigger: outputs, error and trace. */
	static long ofResult(ExecutionSnapshot execution) {
		long bytes = of(execution.outputs());
		if (execution.error() != null) {
			bytes += of(execution.error().message());
		}
		for (NodeTrace node : execution.trace()) {
			bytes += OVERHEAD + of(node.output()) + of(node.error());
		}
		return bytes;
	}

}
