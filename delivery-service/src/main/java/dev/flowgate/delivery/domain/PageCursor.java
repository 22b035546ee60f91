package dev.flowgate.delivery.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a list or a recovery stopped, in the order it walks: a list of deliveries or of
 * disabled callbacks newest first, a recovery oldest first, each with the id breaking
 * ties. Clients get it as opaque text, the base64url of {@code <at millis>:<id>}.
 *
 * @param at the time the walk is ordered by: a delivery's creation, a callback's stop
 * @param id the store's id of the last item taken
 */
public record PageCursor(Instant at, String id) {

	private static final String SEPARATOR = ":";

	/** The text a client gets: opaque, and safe in a query string. */
	public String encode() {
		String plain = this.at.toEpochMilli() + SEPARATOR + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws InvalidRequestException naming {@code cursor} when the text is not one that
	 * {@link #encode()} made
	 */
	public static PageCursor decode(String text) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			int separator = plain.indexOf(SEPARATOR);
			String id = plain.substring(separator + 1);
			if (separator < 0 || id.isEmpty()) {
				throw invalid();
			}
			return new PageCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, separator))), id);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	private static InvalidRequestException invalid() {
		return new InvalidRequestException("cursor", "is not a cursor from a previous page or recovery");
	}

}
