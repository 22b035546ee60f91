package dev.flowgate.keys.domain.key;

import java.util.List;

import dev.flowgate.keys.domain.InvalidInputException;

/**
 * A page of an owner's keys, newest first, as every list of the management API comes.
 *
 * @param next where the next page starts, {@code null} on the last page
 */
public record KeyPage(List<ApiKey> items, KeyCursor next) {

	/** The most keys one page holds. */
	public static final int MAX_LIMIT = 100;

	/**
	 * The keys a page holds unless the client asks for fewer: as many as the other lists
	 * that answered with every item before they had pages.
	 */
	public static final int DEFAULT_LIMIT = MAX_LIMIT;

	/**
	 * The page's size.
	 * @param requested the client's {@code limit}, or {@code null} for the default
	 * @throws InvalidInputException naming {@code limit} outside 1 to {@link #MAX_LIMIT}
	 */
	static int size(Integer requested) {
		int limit = (requested != null) ? requested : DEFAULT_LIMIT;
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "must be from 1 to " + MAX_LIMIT);
		}
		return limit;
	}

	/** How many keys to read for a page of {@code size}: one more, see {@link #of}. */
	static int fetchSize(int size) {
		return size + 1;
	}

	/**
	 * The first {@code size} of {@code fetched}, which was read one key past the page:
	 * that key tells there is a next page without counting the rest.
	 */
	static KeyPage of(List<ApiKey> fetched, int size) {
		if (fetched.size() <= size) {
			return new KeyPage(List.copyOf(fetched), null);
		}
		List<ApiKey> items = List.copyOf(fetched.subList(0, size));
		return new KeyPage(items, KeyCursor.after(items.get(size - 1)));
	}

	/** The next page's cursor as clients get it, {@code null} on the last page. */
	public String nextCursor() {
		return (this.next != null) ? this.next.encode() : null;
	}

}
