package dev.flowgate.system.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Kubernetes object (or any YAML mapping), with dotted-path access:
 * {@code get("spec.template")}.
 */
record Manifest(Map<String, Object> content) {

	String kind() {
		return string("kind");
	}

	String name() {
		return string("metadata.name");
	}

	boolean is(String kind, String name) {
		return kind.equals(kind()) && name.equals(name());
	}

	String string(String path) {
		Object value = find(path).orElse(null);
		return (value != null) ? value.toString() : null;
	}

	Manifest map(String path) {
		return new Manifest(mapOrEmpty(find(path).orElse(null)));
	}

	List<Manifest> maps(String path) {
		Object value = find(path).orElse(null);
		if (value == null) {
			return List.of();
		}
		return ((List<?>) value).stream().map(Manifest::mapOrEmpty).map(Manifest::new).toList();
	}

	@SuppressWarnings("unchecked")
	List<String> strings(String path) {
		Object value = find(path).orElse(null);
		return (value != null) ? ((List<Object>) value).stream().map(String::valueOf).toList() : List.of();
	}

	boolean has(String path) {
		return find(path).isPresent();
	}

	boolean isEmpty() {
		return this.content.isEmpty();
	}

	Optional<Object> find(String path) {
		Object current = this.content;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
				return Optional.empty();
			}
			current = map.get(key);
		}
		return Optional.ofNullable(current);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> mapOrEmpty(Object value) {
		return (value instanceof Map) ? (Map<String, Object>) value : Map.of();
	}

	@Override
	public String toString() {
		return kind() + "/" + name();
	}

}
