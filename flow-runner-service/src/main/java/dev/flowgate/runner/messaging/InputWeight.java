package dev.flowgate.runner.messaging;

import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.flowrules.JsonSize;

/**
 * About the memory a trigger's inputs take while its execution runs: their size as JSON,
 * and some bytes more for each JSON value, as each decoded value is an object of its own
 * (a 1 MB list of empty objects takes some 30 MB).
 */
final class InputWeight {

	/**
	 * About what one decoded JSON value (a map, list or boxed scalar) takes beyond its
	 * text.
	 */
	static final int BYTES_PER_VALUE = 64;

	private InputWeight() {
	}

	static long of(FlowgateEvent trigger) {
		if (!(trigger instanceof ExecutionRequested requested) || requested.inputs() == null) {
			return 0;
		}
		return JsonSize.of(requested.inputs()) + BYTES_PER_VALUE * JsonSize.values(requested.inputs());
	}

}
