package dev.flowgate.gateway.domain.input;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 of JSON-like inputs that {@link JsonEquivalence equivalent} inputs share:
 * keys sorted, entries whose value is {@code null} left out, numbers by value. A repeat
 * of an idempotent call is told from a key reused with other inputs by it, where the
 * first call's inputs are not at hand in full.
 */
public final class InputsDigest {

	private static final String PREFIX = "sha256:";

	private InputsDigest() {
	}

	/**
	 * Of the inputs and a call's own callback URL: a repeat with another one would
	 * otherwise be answered with the first call's execution, and its callback never
	 * called. Without one, the digest of the inputs alone, which records made before
	 * callback URLs were included hold.
	 */
	public static String of(Map<String, Object> inputs, String callbackUrl) {
		StringBuilder canonical = new StringBuilder();
		write(inputs, canonical);
		if (callbackUrl != null) {
			// After the inputs' closing brace, so that no inputs can end the same way.
			canonical.append("callback_url:");
			writeString(callbackUrl, canonical);
		}
		return PREFIX
				+ HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static void write(Object value, StringBuilder out) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, entry) -> {
				if (entry != null) {
					sorted.put(String.valueOf(key), entry);
				}
			});
			out.append('{');
			sorted.forEach((key, entry) -> {
				writeString(key, out);
				out.append(':');
				write(entry, out);
				out.append(',');
			});
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			list.forEach((element) -> {
				write(element, out);
				out.append(',');
			});
			out.append(']');
		}
		else if (value instanceof Number number) {
			out.append(canonicalNumber(number));
		}
		else if (value instanceof String text) {
			writeString(text, out);
		}
		else {
			out.append(value);
		}
	}

	/** One text per value: {@code 1}, {@code 1.0} and {@code 1e0} all give {@code 1}. */
	private static String canonicalNumber(Number number) {
		double asDouble = number.doubleValue();
		boolean floating = number instanceof Double || number instanceof Float;
		if (floating && !Double.isFinite(asDouble)) {
			return Double.toString(asDouble);
		}
		return new BigDecimal(number.toString()).stripTrailingZeros().toString();
	}

	/** Quoted with its length, so no text can pass for another's end. */
	private static void writeString(String text, StringBuilder out) {
		out.append('"').append(text.length()).append(':').append(text).append('"');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
