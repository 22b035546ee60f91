package dev.flowgate.deployments.domain;

import java.time.Instant;

/**
 * Where a page of a list newest first ended: the next page holds what is older, or
 * equally old with a smaller id.
 *
 * @param at the time the list is sorted by, of the page's last item
 * @param id the page's last item
 */
public record TimeCursor(Instant at, String id) implements PageCursor {

	private static final String SEPARATOR = ":";

	@Override
	public String encode() {
		return PageCursor.opaque(this.at.toEpochMilli() + SEPARATOR + this.id);
	}

	/**
	 * @throws InvalidRequestException when the text is not a cursor this service made
	 */
	public static TimeCursor decode(String text) {
		String plain = PageCursor.plain(text);
		int separator = plain.indexOf(SEPARATOR);
		try {
			return new TimeCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, separator))),
					plain.substring(separator + 1));
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw PageCursor.invalid();
		}
	}

}
