package dev.flowgate.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a walk through a list ordered by a time, with the id breaking ties, stopped, as
 * the text clients get: opaque, safe in a query string, the base64url of
 * {@code <millis>:<id>}. Each service wraps it in its own cursor and refusal.
 *
 * @param at the time of the last item taken, to the millisecond
 * @param id the last item's id
 */
public record TimeCursor(Instant at, String id) {

	private static final String SEPARATOR = ":";

	public String encode() {
		String plain = this.at.toEpochMilli() + SEPARATOR + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/** Empty when the text is not one that {@link #encode()} made. */
	public static Optional<TimeCursor> decode(String text) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			int separator = plain.indexOf(SEPARATOR);
			String id = plain.substring(separator + 1);
			if (separator < 0 || id.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new TimeCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, separator))), id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
