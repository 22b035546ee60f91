package dev.flowgate.gateway.web;

import java.util.Locale;

import dev.flowgate.gateway.domain.Rejection;
import jakarta.servlet.http.HttpServletRequest;

/** The headers that say who calls and how: API key and idempotency key. */
public final class CallerHeaders {

	private static final String BEARER = "bearer ";

	private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

	private CallerHeaders() {
	}

	/**
	 * The API key from {@code Authorization: Bearer}, {@code X-API-Key} or
	 * {@code api-key} (header names are case-insensitive), or {@code null}.
	 */
	public static String apiKey(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
			return authorization.substring(BEARER.length()).trim();
		}
		String key = request.getHeader("X-API-Key");
		return (key != null) ? key.trim() : trimmed(request.getHeader("api-key"));
	}

	/** The {@code Idempotency-Key}, or {@code null} when absent or blank. */
	public static String idempotencyKey(HttpServletRequest request) {
		String key = trimmed(request.getHeader("Idempotency-Key"));
		if (key == null || key.isEmpty()) {
			return null;
		}
		if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
			throw Rejection.badRequest("Idempotency-Key is longer than " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
		}
		return key;
	}

	private static String trimmed(String value) {
		return (value != null) ? value.trim() : null;
	}

}
