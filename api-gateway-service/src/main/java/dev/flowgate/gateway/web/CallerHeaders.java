package dev.flowgate.gateway.web;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

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
	 * @throws Rejection (400) when these headers carry different keys: which one the
	 * caller meant is not for the gateway to guess
	 */
	public static String apiKey(HttpServletRequest request) {
		Set<String> keys = new LinkedHashSet<>();
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
			addPresent(keys, authorization.substring(BEARER.length()));
		}
		addPresent(keys, request.getHeader("X-API-Key"));
		addPresent(keys, request.getHeader("api-key"));
		if (keys.size() > 1) {
			throw Rejection.badRequest("Authorization, X-API-Key and api-key carry different API keys: send one");
		}
		return keys.isEmpty() ? null : keys.iterator().next();
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

	private static void addPresent(Set<String> keys, String header) {
		if (header != null && !header.isBlank()) {
			keys.add(header.trim());
		}
	}

	private static String trimmed(String value) {
		return (value != null) ? value.trim() : null;
	}

}
