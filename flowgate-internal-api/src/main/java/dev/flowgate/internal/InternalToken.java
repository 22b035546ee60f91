package dev.flowgate.internal;

import org.springframework.util.StringUtils;

/**
 * The start-up check of {@code flowgate.internal-token}, the same for the services that
 * require it and the gateway that sends it.
 */
final class InternalToken {

	/** How .env.example's values begin: known to everyone who read it. */
	private static final String PLACEHOLDER = "replace-with-";

	private InternalToken() {
	}

	/**
	 * @return whether a token is set
	 * @throws IllegalStateException when it is still the placeholder of .env.example
	 */
	static boolean isSet(String internalToken) {
		if (!StringUtils.hasText(internalToken)) {
			return false;
		}
		if (internalToken.strip().startsWith(PLACEHOLDER)) {
			// Anyone who can reach the services could call them as the gateway.
			throw new IllegalStateException("FLOWGATE_INTERNAL_TOKEN still holds the placeholder of .env.example; "
					+ "set a secret of your own (openssl rand -hex 32)");
		}
		return true;
	}

}
