package dev.flowgate.delivery.domain.callback;

import java.time.Clock;
import java.time.Duration;

import dev.flowgate.delivery.domain.ExpiringCache;
import dev.flowgate.delivery.domain.PageCursor;
import dev.flowgate.delivery.domain.PageLimit;
import dev.flowgate.delivery.domain.owner.ErasedOwners;

/**
 * Which callbacks are stopped because a receiver answered 410, and lifting such stops.
 * Every delivery asks, so answers are cached briefly: a change made here is seen at once,
 * one made by another instance within the time to live.
 */
public final class DisabledCallbackService {

	/**
	 * The list answered with every stop before it had pages: a client with up to this
	 * many still gets them all at once.
	 */
	private static final int DEFAULT_PAGE_SIZE = PageLimit.MAX;

	private final DisabledCallbacks disabled;

	private final ErasedOwners erased;

	private final ExpiringCache<String, Boolean> cache;

	public DisabledCallbackService(DisabledCallbacks disabled, ErasedOwners erased, Duration cacheTtl, Clock clock) {
		this.disabled = disabled;
		this.erased = erased;
		this.cache = new ExpiringCache<>(cacheTtl, clock);
	}

	public boolean isDisabled(String ownerId, String deploymentId, String callbackUrl) {
		return this.cache.get(key(ownerId, deploymentId, callbackUrl),
				(key) -> this.disabled.isDisabled(ownerId, deploymentId, callbackUrl));
	}

	/**
	 * Stops the owner's callbacks to the URL for the deployment (again; the latest reason
	 * wins). Not for an erased owner: a 410 answering an attempt that was in flight when
	 * the owner was erased leaves no stop behind (the owner is read after the write, so
	 * an erasure running meanwhile either deletes the stop or is seen here).
	 */
	public void disable(DisabledCallback callback) {
		this.disabled.disable(callback);
		this.cache.invalidate(key(callback.ownerId(), callback.deploymentId(), callback.callbackUrl()));
		if (this.erased.isErasedNow(callback.ownerId())) {
			this.disabled.enable(callback.ownerId(), callback.deploymentId());
			this.cache.invalidate(key(callback.ownerId(), callback.deploymentId(), callback.callbackUrl()));
		}
	}

	/**
	 * A page of the owner's stops, newest first.
	 * @param cursor the previous page's {@code nextCursor}, or {@code null} for the first
	 * @param limit the page size, or {@code null} for the default
	 */
	public DisabledCallbackPage page(String ownerId, String cursor, Integer limit) {
		int size = PageLimit.orDefault(limit, DEFAULT_PAGE_SIZE);
		PageCursor after = (cursor != null) ? PageCursor.decode(cursor) : null;
		return this.disabled.page(ownerId, after, size);
	}

	/**
	 * Lifts every stop of the deployment. Idempotent: a client retrying after a lost
	 * answer finds nothing left to lift, and this service holds no list of the owner's
	 * deployments that could tell an enabled one from one it does not have (another
	 * owner's included).
	 */
	public void enable(String ownerId, String deploymentId) {
		this.disabled.enable(ownerId, deploymentId);
		this.cache.invalidateIf((key) -> key.startsWith(key(ownerId, deploymentId, "")));
	}

	/**
	 * Deletes up to {@code limit} of the owner's stops (its owner is erased).
	 * @return how many it found; the owner has none left once it finds none
	 */
	public int forgetSomeOf(String ownerId, int limit) {
		int found = this.disabled.deleteSomeOf(ownerId, limit);
		this.cache.invalidateIf((key) -> key.startsWith(ownerId + "/"));
		return found;
	}

	private static String key(String ownerId, String deploymentId, String callbackUrl) {
		return ownerId + "/" + deploymentId + "/" + callbackUrl;
	}

}
