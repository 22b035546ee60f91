package dev.flowgate.gateway.web.proxy;

import dev.flowgate.gateway.domain.key.Caller;

/**
 * Who the gateway vouches for on a call to a service.
 *
 * @param ownerId the authenticated owner, or {@code null} for admin calls
 * @param keyId the key used, or {@code null}
 * @param admin whether the platform admin secret authenticated the call
 * @param previousSecret whether the key authenticated with the secret a rotation replaced
 */
record ForwardedIdentity(String ownerId, String keyId, boolean admin, boolean previousSecret) {

	static ForwardedIdentity of(Caller caller) {
		return new ForwardedIdentity(caller.ownerId(), caller.keyId(), false, caller.previousSecret());
	}

	static ForwardedIdentity owner(String ownerId) {
		return new ForwardedIdentity(ownerId, null, false, false);
	}

	static ForwardedIdentity platformAdmin() {
		return new ForwardedIdentity(null, null, true, false);
	}

}
