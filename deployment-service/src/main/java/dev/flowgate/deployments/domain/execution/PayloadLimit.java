package dev.flowgate.deployments.domain.execution;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.flowrules.JsonSize;

/**
 * Caps what an execution record stores of inputs, outputs and node outputs, so one huge
 * call cannot bloat the database. Values that do not fit are replaced by a marker text.
 */
public record PayloadLimit(long maxBytes) {

	/** Keeps the values in order while they fit; marks the rest. */
	public Payload cap(Map<String, Object> values) {
		if (JsonSize.of(values) <= this.maxBytes) {
			return new Payload(values, false);
		}
		Map<String, Object> capped = new LinkedHashMap<>();
		long budget = this.maxBytes;
		for (Map.Entry<String, Object> entry : values.entrySet()) {
			long size = JsonSize.of(entry.getKey()) + JsonSize.of(entry.getValue());
			Object kept = (size <= budget) ? entry.getValue() : marker(entry.getValue());
			capped.put(entry.getKey(), kept);
			budget = Math.max(0, budget - JsonSize.of(entry.getKey()) - JsonSize.of(kept));
		}
		return new Payload(capped, true);
	}

	/** The value itself when it fits, otherwise the marker. */
	public Object cap(Object value) {
		return (JsonSize.of(value) <= this.maxBytes) ? value : marker(value);
	}

	private String marker(Object value) {
		return "[truncated: %d bytes exceed the %d-byte limit]".formatted(JsonSize.of(value), this.maxBytes);
	}

}
