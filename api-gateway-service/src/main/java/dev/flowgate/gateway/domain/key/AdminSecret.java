package dev.flowgate.gateway.domain.key;

import dev.flowgate.gateway.domain.Rejection;

/** The platform admin secret; when none is configured, no call is an admin call. */
public final class AdminSecret {

	/** How .env.example's values begin: known to everyone who read it. */
	private static final String PLACEHOLDER = "replace-with-";

	private final String configured;

	/**
	 * @throws IllegalArgumentException when it is still the example environment's
	 * placeholder, so that the gateway does not start with a secret anyone can read
	 */
	public AdminSecret(String configured) {
		if (configured != null && configured.strip().startsWith(PLACEHOLDER)) {
			throw new IllegalArgumentException("FLOWGATE_ADMIN_SECRET still holds the placeholder of .env.example; "
					+ "set a secret of your own (openssl rand -hex 32)");
		}
		this.configured = configured;
	}

	/**
	 * @throws Rejection 403 without a secret (as key-service answers a non-admin call),
	 * 401 when {@code presented} is not the configured secret
	 */
	public void verify(String presented) {
		if (presented == null || presented.isEmpty()) {
			throw Rejection.forbidden("This route needs the platform admin secret (X-Admin-Secret)");
		}
		boolean configuredAtAll = this.configured != null && !this.configured.isBlank();
		if (!configuredAtAll || !SecretHash.matches(presented, this.configured)) {
			throw Rejection.unauthenticated("The admin secret is not valid");
		}
	}

}
