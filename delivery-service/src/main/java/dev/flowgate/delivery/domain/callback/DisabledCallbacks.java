package dev.flowgate.delivery.domain.callback;

import dev.flowgate.delivery.domain.PageCursor;

/**
 * Which callback URLs of which deployments are disabled, per owner: a receiver's 410
 * stops its own URL only, not another one of the deployment (a call's own callback URL,
 * say).
 */
public interface DisabledCallbacks {

	boolean isDisabled(String ownerId, String deploymentId, String callbackUrl);

	/** Disables (again); the latest reason wins. */
	void disable(DisabledCallback disabled);

	/**
	 * The owner's stops, newest first (by {@code disabledAt}, the id breaking ties).
	 * @param after the previous page's cursor, or {@code null} for the first page
	 * @return up to {@code limit} stops, and a cursor if there are more
	 */
	DisabledCallbackPage page(String ownerId, PageCursor after, int limit);

	/** Enables every callback URL of the deployment; none disabled is no change. */
	void enable(String ownerId, String deploymentId);

	/**
	 * Deletes up to {@code limit} of the owner's stops.
	 * @return how many it found; the owner has none left once it finds none
	 */
	int deleteSomeOf(String ownerId, int limit);

}
