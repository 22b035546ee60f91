package dev.flowgate.gateway.web;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.flowgate.gateway.domain.Rejection;
import jakarta.servlet.http.HttpServletRequest;

/** The headers that say who calls and how: API key and idempotency key. */
public final class CallerHeaders {

	private static final String BEARER = "bearer ";

	private static final List<String> KEY_HEADERS = List.of("X-API-Key", "api-key");

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final int MAX_IDEMPOTENCY_KEY_BYTES = 255;

	private CallerHeaders() {
	}

	/**
	 * The API key from {@code Authorization: Bearer}, {@code X-API-Key} or
	 * {@code api-key} (header names are case-insensitive), or {@code null}.
	 * @throws Rejection (400) when these headers, or repeats of one, carry different
	 * keys: which one the caller meant is not for the gateway to guess; (401) when the
	 * only one is an {@code Authorization} of another scheme ({@code Token sk-…})
	 */
	public static String apiKey(HttpServletRequest request) {
		String key = null;
		boolean otherScheme = false;
		for (String authorization : Collections.list(request.getHeaders("Authorization"))) {
			if (authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
				key = agreeing(key, present(authorization.substring(BEARER.length())));
			}
			else {
				otherScheme |= !authorization.isBlank();
			}
		}
		for (String name : KEY_HEADERS) {
			for (String value : Collections.list(request.getHeaders(name))) {
				key = agreeing(key, present(value));
			}
		}
		if (key == null && otherScheme) {
			throw Rejection.unauthenticated("Authorization must be 'Bearer <API key>' (or send the key in X-API-Key)");
		}
		return key;
	}

	/**
	 * The {@code Idempotency-Key}, trimmed, or {@code null} when absent.
	 * @throws Rejection (400) when blank, which a caller may take for a key, or longer
	 * than 255 bytes (a header's characters are its bytes: a non-ASCII character sent as
	 * UTF-8 takes two or more)
	 */
	public static String idempotencyKey(HttpServletRequest request) {
		String header = request.getHeader(IDEMPOTENCY_KEY);
		if (header == null) {
			return null;
		}
		if (header.isBlank()) {
			throw Rejection.invalidField(IDEMPOTENCY_KEY, "must not be blank");
		}
		String key = header.trim();
		if (key.length() > MAX_IDEMPOTENCY_KEY_BYTES) {
			throw Rejection.invalidField(IDEMPOTENCY_KEY, "must be at most " + MAX_IDEMPOTENCY_KEY_BYTES + " bytes");
		}
		return key;
	}

	/** The trimmed value, or {@code null} when absent or blank. */
	private static String present(String header) {
		return (header != null && !header.isBlank()) ? header.trim() : null;
	}

	private static String agreeing(String key, String other) {
		if (key != null && other != null && !key.equals(other)) {
			throw Rejection.badRequest("Authorization, X-API-Key and api-key carry different API keys: send one");
		}
		return (key != null) ? key : other;
	}

}
