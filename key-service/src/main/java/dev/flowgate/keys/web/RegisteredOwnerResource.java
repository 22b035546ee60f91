package dev.flowgate.keys.web;

import java.time.Instant;

import dev.flowgate.keys.domain.owner.RegisteredOwner;

/** A new owner and its first key, with that key's secret. */
record RegisteredOwnerResource(OwnerResource owner, KeyResource key) {

	static RegisteredOwnerResource of(RegisteredOwner registered, Instant now) {
		return new RegisteredOwnerResource(OwnerResource.of(registered.owner()),
				KeyResource.issued(registered.key(), now));
	}

}
