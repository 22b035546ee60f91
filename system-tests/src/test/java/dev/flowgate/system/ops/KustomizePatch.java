package dev.flowgate.system.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two patch kinds of a kustomization's {@code patches} entry: a strategic merge patch
 * (a mapping; lists of containers, env, volumes and mounts merge by their key, other
 * lists are replaced, a null deletes) or a JSON 6902 patch (a list of add, replace and
 * remove operations).
 */
final class KustomizePatch {

	private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name", "env",
			"name", "volumes", "name", "volumeMounts", "mountPath");

	private KustomizePatch() {
	}

	static void apply(Manifest entry, Path directory, List<Manifest> resources) {
		String text = (entry.string("path") != null) ? read(directory.resolve(entry.string("path")))
				: entry.string("patch");
		Manifest target = entry.map("target");
		for (Object patch : YamlDocuments.parse(text)) {
			if (patch instanceof List<?> operations) {
				List<Manifest> targets = matching(resources, target);
				require(!targets.isEmpty(), "JSON patch matches nothing: " + target.content());
				targets.forEach((resource) -> operations.forEach((op) -> jsonPatch(resource, new Manifest(asMap(op)))));
			}
			else {
				Manifest smp = new Manifest(asMap(patch));
				Manifest selector = target.isEmpty() ? new Manifest(Map.of("kind", smp.kind(), "name", smp.name()))
						: target;
				List<Manifest> targets = matching(resources, selector);
				require(!targets.isEmpty(), "patch matches nothing: " + selector.content());
				targets.forEach((resource) -> merge(resource.content(), withoutIdentity(smp, !target.isEmpty())));
			}
		}
	}

	static Map<String, Object> deepCopyMap(Object value) {
		return asMap(deepCopy(value));
	}

	private static List<Manifest> matching(List<Manifest> resources, Manifest target) {
		return resources.stream().filter((resource) -> matches(resource, target)).toList();
	}

	private static boolean matches(Manifest resource, Manifest target) {
		if (target.string("kind") != null && !target.string("kind").equals(resource.kind())) {
			return false;
		}
		if (target.string("name") != null && !target.string("name").equals(resource.name())) {
			return false;
		}
		String selector = target.string("labelSelector");
		if (selector == null) {
			return true;
		}
		Map<String, Object> labels = resource.map("metadata.labels").content();
		for (String requirement : selector.split(",")) {
			String[] pair = requirement.trim().split("=", 2);
			require(pair.length == 2, "only key=value label selectors are supported: " + selector);
			if (!pair[1].equals(String.valueOf(labels.get(pair[0])))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * With a target, the patch's own name must not rename the resources it is applied to.
	 */
	private static Map<String, Object> withoutIdentity(Manifest patch, boolean targeted) {
		Map<String, Object> copy = deepCopyMap(patch.content());
		if (targeted) {
			asMap(copy.getOrDefault("metadata", new LinkedHashMap<>())).remove("name");
		}
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static void merge(Map<String, Object> original, Map<String, Object> patch) {
		for (Map.Entry<String, Object> entry : patch.entrySet()) {
			String key = entry.getKey();
			require(!key.startsWith("$"), "patch directives are not supported: " + key);
			Object value = entry.getValue();
			Object current = original.get(key);
			if (value == null) {
				original.remove(key);
			}
			else if (value instanceof Map && current instanceof Map) {
				merge((Map<String, Object>) current, (Map<String, Object>) value);
			}
			else if (value instanceof List && current instanceof List && MERGE_KEYS.containsKey(key)) {
				mergeList((List<Object>) current, (List<Object>) value, MERGE_KEYS.get(key));
			}
			else {
				original.put(key, deepCopy(value));
			}
		}
	}

	private static void mergeList(List<Object> original, List<Object> patch, String mergeKey) {
		for (Object item : patch) {
			Map<String, Object> patchItem = asMap(item);
			Object key = patchItem.get(mergeKey);
			Map<String, Object> existing = original.stream()
				.map(KustomizePatch::asMap)
				.filter((candidate) -> key.equals(candidate.get(mergeKey)))
				.findFirst()
				.orElse(null);
			if (existing != null) {
				merge(existing, patchItem);
			}
			else {
				original.add(deepCopy(patchItem));
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void jsonPatch(Manifest resource, Manifest operation) {
		String op = operation.string("op");
		String[] tokens = operation.string("path").substring(1).split("/");
		Object parent = resource.content();
		for (int i = 0; i < tokens.length - 1; i++) {
			parent = child(parent, unescape(tokens[i]));
			require(parent != null, "JSON patch path not found: " + operation.string("path") + " in " + resource);
		}
		String last = unescape(tokens[tokens.length - 1]);
		Object value = deepCopy(operation.content().get("value"));
		if (parent instanceof List<?> list) {
			List<Object> items = (List<Object>) list;
			int index = "-".equals(last) ? items.size() : Integer.parseInt(last);
			switch (op) {
				case "add" -> items.add(index, value);
				case "replace" -> items.set(index, value);
				case "remove" -> items.remove(index);
				default -> throw new IllegalStateException("JSON patch op not supported: " + op);
			}
			return;
		}
		Map<String, Object> map = (Map<String, Object>) parent;
		require(!"replace".equals(op) || map.containsKey(last), "JSON patch replaces a missing value: " + last);
		switch (op) {
			case "add", "replace" -> map.put(last, value);
			case "remove" -> map.remove(last);
			default -> throw new IllegalStateException("JSON patch op not supported: " + op);
		}
	}

	private static Object child(Object parent, String token) {
		if (parent instanceof List<?> list) {
			return list.get(Integer.parseInt(token));
		}
		return (parent instanceof Map<?, ?> map) ? map.get(token) : null;
	}

	private static String unescape(String token) {
		return token.replace("~1", "/").replace("~0", "~");
	}

	@SuppressWarnings("unchecked")
	private static <T> T deepCopy(T value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), deepCopy(item)));
			return (T) copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((item) -> copy.add(deepCopy(item)));
			return (T) copy;
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		require(value instanceof Map, "expected a mapping, got " + value);
		return (Map<String, Object>) value;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

}
