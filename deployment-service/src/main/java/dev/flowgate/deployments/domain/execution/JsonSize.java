package dev.flowgate.deployments.domain.execution;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Estimates how many bytes a value takes as JSON, to cap stored payloads without
 * serializing them. Escapes are counted as one byte, which is close enough for a limit.
 */
final class JsonSize {

	private static final int NULL_SIZE = 4;

	private static final int QUOTES = 2;

	private JsonSize() {
	}

	static long of(Object value) {
		if (value == null) {
			return NULL_SIZE;
		}
		if (value instanceof String text) {
			return QUOTES + text.getBytes(StandardCharsets.UTF_8).length;
		}
		if (value instanceof Map<?, ?> map) {
			long size = QUOTES;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += of(String.valueOf(entry.getKey())) + 1 + of(entry.getValue()) + 1;
			}
			return size;
		}
		if (value instanceof List<?> list) {
			return QUOTES + list.stream().mapToLong((item) -> of(item) + 1).sum();
		}
		return String.valueOf(value).length();
	}

}
