package dev.flowgate.gateway.domain.key;

import dev.flowgate.gateway.domain.Rejection;

/** The platform admin secret; when none is configured, no call is an admin call. */
public final class AdminSecret {

	private final String configured;

	public AdminSecret(String configured) {
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
