package dev.flowgate.keys.web;

import java.util.List;
import java.util.function.Function;

import dev.flowgate.keys.domain.Page;

/**
 * A page of a list, newest first, as every list answers; {@code nextCursor} is
 * {@code null} on the last.
 */
record PageResource<T>(List<T> items, String nextCursor) {

	static <S, T> PageResource<T> of(Page<S> page, Function<S, T> resource) {
		return new PageResource<>(page.items().stream().map(resource).toList(), page.nextCursor());
	}

}
