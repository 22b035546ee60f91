package dev.flowgate.keys.domain;

import java.util.List;
import java.util.function.Function;

/**
 * A client's ask for a page of a list, newest first, as every list of the management API
 * is paged.
 *
 * @param after where the previous page ended, or {@code null} for the first page
 * @param size the most items on the page
 */
public record PageRequest(PageCursor after, int size) {

	/** The most items one page holds. */
	public static final int MAX_LIMIT = 100;

	/**
	 * The items a page holds unless the client asks for fewer: as many as the lists that
	 * answered with every item before they had pages.
	 */
	public static final int DEFAULT_LIMIT = MAX_LIMIT;

	/**
	 * @param cursor the previous page's {@link Page#nextCursor()}, or {@code null} for
	 * the first page
	 * @param limit the client's {@code limit}, or {@code null} for {@link #DEFAULT_LIMIT}
	 * @throws InvalidRequestException naming {@code limit} outside 1 to
	 * {@link #MAX_LIMIT}, or {@code cursor} when it is not from a page
	 */
	public static PageRequest of(String cursor, Integer limit) {
		int size = (limit != null) ? limit : DEFAULT_LIMIT;
		if (size < 1 || size > MAX_LIMIT) {
			throw new InvalidRequestException("limit", "must be from 1 to " + MAX_LIMIT);
		}
		return new PageRequest((cursor != null) ? PageCursor.decode(cursor) : null, size);
	}

	/** How many items to read: one more than the page, see {@link #pageOf}. */
	public int fetchSize() {
		return this.size + 1;
	}

	/**
	 * The first {@link #size} of {@code fetched}, which was read one item past the page:
	 * that item tells there is a next page without counting the rest.
	 * @param position where an item stands in the list
	 */
	public <T> Page<T> pageOf(List<T> fetched, Function<T, PageCursor> position) {
		if (fetched.size() <= this.size) {
			return new Page<>(List.copyOf(fetched), null);
		}
		List<T> items = List.copyOf(fetched.subList(0, this.size));
		return new Page<>(items, position.apply(items.get(this.size - 1)));
	}

}
