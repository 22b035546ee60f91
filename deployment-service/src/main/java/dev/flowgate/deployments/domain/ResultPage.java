package dev.flowgate.deployments.domain;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list and where it ended.
 *
 * @param next where the next page starts, {@code null} on the last page
 */
public record ResultPage<T>(List<T> items, PageCursor next) {

	/**
	 * The first {@code limit} of {@code fetched}, which was read one item past the limit:
	 * that item tells there is a next page without a count of the rest.
	 * @param cursorOf where a page ending with that item ended
	 */
	public static <T> ResultPage<T> of(List<T> fetched, int limit, Function<T, PageCursor> cursorOf) {
		if (fetched.size() <= limit) {
			return new ResultPage<>(List.copyOf(fetched), null);
		}
		List<T> items = List.copyOf(fetched.subList(0, limit));
		return new ResultPage<>(items, cursorOf.apply(items.get(limit - 1)));
	}

	/** The items to read for a page of {@code limit}: one more, see {@link #of}. */
	public static int fetchSize(int limit) {
		return limit + 1;
	}

	/** The next page's cursor as clients get it, {@code null} on the last page. */
	public String nextCursor() {
		return (this.next != null) ? this.next.encode() : null;
	}

}
