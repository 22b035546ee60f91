package dev.flowgate.keys.domain;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list, newest first ({@link PageRequest}).
 *
 * @param next where the next page starts, {@code null} on the last page
 */
public record Page<T>(List<T> items, PageCursor next) {

	/** The next page's cursor as clients get it, {@code null} on the last page. */
	public String nextCursor() {
		return (this.next != null) ? this.next.encode() : null;
	}

	/** The same page, each item mapped. */
	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.next);
	}

}
