package dev.flowgate.keys.domain;

import java.time.Instant;

import dev.flowgate.internal.TimeCursor;

/**
 * Where a page of a list (newest first, the id breaking ties) ended: the next page holds
 * the items created earlier, or in the same millisecond with a smaller id. Clients get it
 * as opaque text, the base64url of {@code <createdAt millis>:<id>}.
 *
 * @param createdAt when the page's last item was created
 * @param id the page's last item
 */
public record PageCursor(Instant createdAt, String id) {

	/** The text a client gets: opaque, and safe in a query string. */
	public String encode() {
		return new TimeCursor(this.createdAt, this.id).encode();
	}

	/**
	 * @throws InvalidRequestException naming {@code cursor} when the text is not one that
	 * {@link #encode()} made
	 */
	static PageCursor decode(String text) {
		return TimeCursor.decode(text)
			.map((cursor) -> new PageCursor(cursor.at(), cursor.id()))
			.orElseThrow(PageCursor::invalid);
	}

	private static InvalidRequestException invalid() {
		return new InvalidRequestException("cursor", "is not a cursor from a previous page");
	}

}
