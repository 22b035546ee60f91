package dev.flowgate.delivery.domain.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import dev.flowgate.delivery.domain.InvalidRequestException;

/**
 * Where a page of deliveries (newest first) ended: the next page holds what is older, or
 * equally old with a smaller id. Also where a recovery (oldest first) stopped: the next
 * call takes what is newer, or equally old with a larger id. Opaque to clients.
 */
public record DeliveryCursor(Instant createdAt, String id) {

	private static final String SEPARATOR = ":";

	static DeliveryCursor after(Delivery last) {
		return new DeliveryCursor(last.createdAt(), last.id());
	}

	public String encode() {
		String plain = this.createdAt.toEpochMilli() + SEPARATOR + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws InvalidRequestException when the text is not a cursor this service made
	 */
	static DeliveryCursor decode(String text) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			int separator = plain.indexOf(SEPARATOR);
			return new DeliveryCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, separator))),
					plain.substring(separator + 1));
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new InvalidRequestException("cursor", "is not a cursor from a previous page or recovery");
		}
	}

}
