package dev.flowgate.deployments.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where a page of a list ended, sent to clients as opaque text. */
public interface PageCursor {

	String encode();

	/** The text a client gets for {@code plain}: opaque, and safe in a query string. */
	static String opaque(String plain) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws InvalidRequestException when the text is not {@link #opaque} text
	 */
	static String plain(String text) {
		try {
			return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	/** What a cursor this service did not make is answered with, as in every list. */
	static InvalidRequestException invalid() {
		return new InvalidRequestException("cursor", "is not a cursor from a previous page");
	}

}
