package dev.flowgate.gateway.domain.key;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.limit.RateLimits;

/** Admits a request made with an API key: authenticated, in scope, within its limit. */
public final class Gatekeeper {

	private final KeyView keys;

	private final RateLimits limits;

	private final BooleanSupplier viewsReady;

	private final Duration startingRetryAfter;

	/**
	 * @param viewsReady whether the key and deployment views have caught up; until then
	 * an unknown key might just not have arrived yet, so the answer is 503, not 401
	 */
	public Gatekeeper(KeyView keys, RateLimits limits, BooleanSupplier viewsReady, Duration startingRetryAfter) {
		this.keys = keys;
		this.limits = limits;
		this.viewsReady = viewsReady;
		this.startingRetryAfter = startingRetryAfter;
	}

	/**
	 * @throws Rejection 503 while starting, 401 for a bad key, 403 without one of
	 * {@code anyOf}, 429 over the key's rate limit
	 */
	public Caller admit(String presentedKey, KeyScope... anyOf) {
		Caller caller = authenticate(presentedKey, anyOf);
		charge(caller);
		return caller;
	}

	/**
	 * Admits a request without taking it from the key's rate limit yet.
	 * @throws Rejection 503 while starting, 401 for a bad key, 403 without one of
	 * {@code anyOf}
	 */
	public Caller authenticate(String presentedKey, KeyScope... anyOf) {
		if (!this.viewsReady.getAsBoolean()) {
			throw Rejection.unavailable("The gateway is starting and not ready yet", this.startingRetryAfter);
		}
		Caller caller = this.keys.authenticate(presentedKey);
		caller.requireScope(anyOf);
		return caller;
	}

	/**
	 * @throws Rejection 429 over the key's rate limit
	 */
	public void charge(Caller caller) {
		this.limits.acquireForKey(caller.keyId(), caller.rateLimitPerMinute());
	}

}
