package dev.flowgate.keys.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.flowgate.keys.domain.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * An expiry as the API takes it: an ISO-8601 date-time with offset, never a number (which
 * Jackson would read as seconds since 1970).
 */
final class ExpiryText {

	private static final String FIELD = "expiresAt";

	private ExpiryText() {
	}

	/** The expiry, or {@code null} for a JSON {@code null}. */
	static Instant parse(JsonNode value) {
		if (value.isNull()) {
			return null;
		}
		try {
			if (value.isString()) {
				return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value.asString(), Instant::from);
			}
		}
		catch (DateTimeException ex) {
			// Refused below, as any other value.
		}
		throw new InvalidRequestException(FIELD, "must be an ISO-8601 date-time with offset, or null");
	}

}
