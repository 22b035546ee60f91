package dev.flowgate.runner.domain.node;

import java.util.Map;
import java.util.Optional;

/** Typed access to a node's settings; a wrong type is a permanent node failure. */
public final class NodeConfig {

	private final Map<String, Object> values;

	public NodeConfig(Map<String, Object> values) {
		this.values = (values != null) ? values : Map.of();
	}

	public Object raw(String key) {
		return this.values.get(key);
	}

	/** The string setting, or {@code null} when absent. */
	public String text(String key) {
		Object value = this.values.get(key);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw NodeFailedException.permanent(key + " must be a string");
	}

	public String text(String key, String fallback) {
		String value = text(key);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	public String requiredText(String key) {
		String value = text(key);
		if (value == null || value.isBlank()) {
			throw NodeFailedException.permanent(key + " is required");
		}
		return value;
	}

	public Optional<Number> number(String key) {
		Object value = this.values.get(key);
		if (value == null || value instanceof Number) {
			return Optional.ofNullable((Number) value);
		}
		throw NodeFailedException.permanent(key + " must be a number");
	}

	public boolean flag(String key) {
		return Boolean.TRUE.equals(this.values.get(key));
	}

	/** The object setting, empty when absent. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> object(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			return Map.of();
		}
		if (value instanceof Map<?, ?>) {
			return (Map<String, Object>) value;
		}
		throw NodeFailedException.permanent(key + " must be an object");
	}

}
