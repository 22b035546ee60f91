package dev.flowgate.delivery.domain.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import dev.flowgate.delivery.domain.InvalidRequestException;

/**
 * Where a page of stops (newest first) ended: the next page holds what was disabled
 * earlier, or at the same time with a smaller id. Opaque to clients.
 *
 * @param disabledAt when the page's last stop was made
 * @param id the store's id of that stop
 */
public record DisabledCallbackCursor(Instant disabledAt, String id) {

	private static final String SEPARATOR = ":";

	public String encode() {
		String plain = this.disabledAt.toEpochMilli() + SEPARATOR + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws InvalidRequestException when the text is not a cursor this service made
	 */
	static DisabledCallbackCursor decode(String text) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			int separator = plain.indexOf(SEPARATOR);
			return new DisabledCallbackCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, separator))),
					plain.substring(separator + 1));
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new InvalidRequestException("cursor", "is not a cursor from a previous page");
		}
	}

}
