package dev.flowgate.delivery.domain.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.flowgate.delivery.domain.ExpiringCache;

/**
 * Which callbacks are stopped because a receiver answered 410, and lifting such stops.
 * Every delivery asks, so answers are cached briefly: a change made here is seen at once,
 * one made by another instance within the time to live.
 */
public final class DisabledCallbackService {

	private final DisabledCallbacks disabled;

	private final ExpiringCache<String, Boolean> cache;

	public DisabledCallbackService(DisabledCallbacks disabled, Duration cacheTtl, Clock clock) {
		this.disabled = disabled;
		this.cache = new ExpiringCache<>(cacheTtl, clock);
	}

	public boolean isDisabled(String ownerId, String deploymentId, String callbackUrl) {
		return this.cache.get(key(ownerId, deploymentId, callbackUrl),
				(key) -> this.disabled.isDisabled(ownerId, deploymentId, callbackUrl));
	}

	/**
	 * Stops the owner's callbacks to the URL for the deployment (again; the latest reason
	 * wins).
	 */
	public void disable(DisabledCallback callback) {
		this.disabled.disable(callback);
		this.cache.invalidate(key(callback.ownerId(), callback.deploymentId(), callback.callbackUrl()));
	}

	public List<DisabledCallback> list(String ownerId) {
		return this.disabled.list(ownerId);
	}

	/** Lifts every stop of the deployment's callbacks. */
	public void enable(String ownerId, String deploymentId) {
		boolean wasDisabled = this.disabled.enable(ownerId, deploymentId);
		this.cache.invalidateIf((key) -> key.startsWith(key(ownerId, deploymentId, "")));
		if (!wasDisabled) {
			throw new CallbackNotDisabledException(deploymentId);
		}
	}

	private static String key(String ownerId, String deploymentId, String callbackUrl) {
		return ownerId + "/" + deploymentId + "/" + callbackUrl;
	}

}
