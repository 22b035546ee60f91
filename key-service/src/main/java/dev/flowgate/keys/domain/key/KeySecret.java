package dev.flowgate.keys.domain.key;

import java.security.SecureRandom;

import dev.flowgate.apikeys.ApiKeyFormat;

/**
 * A full API key ({@link ApiKeyFormat}, which the gateway checks too). It is shown to its
 * owner once and never stored or logged: {@link #toString()} shows only the hint.
 */
public final class KeySecret {

	private static final int HINT_CHARS = 5;

	private static final String HINT_ELLIPSIS = "…";

	private final String value;

	private KeySecret(String value) {
		this.value = value;
	}

	public static KeySecret generate(SecureRandom random) {
		byte[] secret = new byte[ApiKeyFormat.SECRET_BYTES];
		random.nextBytes(secret);
		return new KeySecret(ApiKeyFormat.fromSecret(secret));
	}

	/** Parses a presented key, rejecting anything malformed without a lookup. */
	public static KeySecret parse(String candidate) {
		if (!ApiKeyFormat.isWellFormed(candidate)) {
			throw new IllegalArgumentException("Not a well-formed Flowgate key");
		}
		return new KeySecret(candidate);
	}

	public String value() {
		return this.value;
	}

	/** The only form that is stored. */
	public String hash() {
		return ApiKeyFormat.hash(this.value);
	}

	/** Enough to recognise the key in a list: {@code sk-} + 5 body chars + … + last 5. */
	public String hint() {
		String body = this.value.substring(ApiKeyFormat.PREFIX.length());
		return ApiKeyFormat.PREFIX + body.substring(0, HINT_CHARS) + HINT_ELLIPSIS
				+ this.value.substring(this.value.length() - HINT_CHARS);
	}

	@Override
	public String toString() {
		return "KeySecret[" + hint() + "]";
	}

}
