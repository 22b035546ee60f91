package dev.flowgate.keys.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of a list (newest first, the id breaking ties) ended: the next page holds
 * the items created earlier, or in the same millisecond with a smaller id. Clients get it
 * as opaque text, the base64url of {@code <createdAt millis>:<id>}.
 *
 * @param createdAt when the page's last item was created
 * @param id the page's last item
 */
public record PageCursor(Instant createdAt, String id) {

	private static final String SEPARATOR = ":";

	/** The text a client gets: opaque, and safe in a query string. */
	public String encode() {
		String plain = this.createdAt.toEpochMilli() + SEPARATOR + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws InvalidInputException naming {@code cursor} when the text is not one that
	 * {@link #encode()} made
	 */
	static PageCursor decode(String text) {
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

	private static InvalidInputException invalid() {
		return new InvalidInputException("cursor", "is not a cursor from a previous page");
	}

}
