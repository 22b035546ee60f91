package dev.flowgate.deployments.domain.flow;

import java.util.Map;

/** Typed reads of a node's loosely typed JSON config. */
record NodeConfig(Map<String, Object> values) {

	boolean has(String key) {
		return this.values.get(key) != null;
	}

	Object get(String key) {
		return this.values.get(key);
	}

	/** The value as a non-blank string, or {@code null}. */
	String text(String key) {
		return (this.values.get(key) instanceof String text && !text.isBlank()) ? text : null;
	}

	boolean flag(String key) {
		return Boolean.TRUE.equals(this.values.get(key));
	}

	boolean isNumber(String key) {
		return this.values.get(key) instanceof Number;
	}

	boolean isWholeNumberAtLeast(String key, long minimum) {
		Object value = this.values.get(key);
		return (value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= minimum;
	}

	boolean isWholeNumberFromTo(String key, long minimum, long maximum) {
		return isWholeNumberAtLeast(key, minimum) && ((Number) this.values.get(key)).longValue() <= maximum;
	}

	NodeConfig nested(String key) {
		@SuppressWarnings("unchecked")
		Map<String, Object> nested = (this.values.get(key) instanceof Map<?, ?> map) ? (Map<String, Object>) map
				: Map.of();
		return new NodeConfig(nested);
	}

}
