package dev.flowgate.delivery.domain;

import java.time.Instant;

import dev.flowgate.internal.TimeCursor;

/**
 * Where a list or a recovery stopped, in the order it walks: a list of deliveries or of
 * disabled callbacks newest first, a recovery oldest first, each with the id breaking
 * ties. Clients get it as opaque text, the base64url of {@code <at millis>:<id>}.
 *
 * @param at the time the walk is ordered by: a delivery's creation, a callback's stop
 * @param id the store's id of the last item taken
 */
public record PageCursor(Instant at, String id) {

	/** The text a client gets: opaque, and safe in a query string. */
	public String encode() {
		return new TimeCursor(this.at, this.id).encode();
	}

	/**
	 * @throws InvalidRequestException naming {@code cursor} when the text is not one that
	 * {@link #encode()} made
	 */
	public static PageCursor decode(String text) {
		return TimeCursor.decode(text)
			.map((cursor) -> new PageCursor(cursor.at(), cursor.id()))
			.orElseThrow(PageCursor::invalid);
	}

	private static InvalidRequestException invalid() {
		return new InvalidRequestException("cursor", "is not a cursor from a previous page or recovery");
	}

}
