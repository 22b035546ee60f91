package dev.flowgate.gateway.domain.key;

import dev.flowgate.gateway.domain.Rejection;

/** The platform admin secret; when none is configured, no call is an admin call. */
public final class AdminSecret {

	/** How .env.example's values begin: known to everyone who read it. */
	private static final String PLACEHOLDER = "replace-with-";

	/**
	 * Admin routes have no rate limit, so the secret must resist online guessing: 32
	 * characters, fewer than {@code openssl rand -hex 32} gives.
	 */
	private static final int MIN_LENGTH = 32;

	private static final String NAMES = "FLOWGATE_ADMIN_SECRET (flowgate.gateway.admin-secret)";

	private final String configured;

	/**
	 * @param configured the secret, or blank for none
	 * @throws IllegalArgumentException when it is still the example environment's
	 * placeholder, or shorter than 32 characters, so that the gateway does not start with
	 * a secret anyone can read or guess
	 */
	public AdminSecret(String configured) {
		String secret = (configured != null) ? configured.strip() : "";
		if (secret.startsWith(PLACEHOLDER)) {
			throw new IllegalArgumentException(NAMES
					+ " still holds the placeholder of .env.example; set a secret of your own (openssl rand -hex 32)");
		}
		if (!secret.isEmpty() && secret.length() < MIN_LENGTH) {
			throw new IllegalArgumentException(NAMES + " is shorter than " + MIN_LENGTH
					+ " characters, few enough to guess; set a longer one (openssl rand -hex 32)");
		}
		this.configured = configured;
	}

	/**
	 * @throws Rejection 403 without a secret or with another than the configured one, the
	 * same refusal for both (as key-service refuses a call without the admin header): no
	 * hint which it was, and no challenge, since the route takes no {@code Authorization}
	 * scheme
	 */
	public void verify(String presented) {
		boolean configuredAtAll = this.configured != null && !this.configured.isBlank();
		if (!configuredAtAll || !SecretHash.matches(presented, this.configured)) {
			throw Rejection.forbidden("This route needs the platform admin secret (X-Admin-Secret)");
		}
	}

}
