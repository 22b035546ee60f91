package dev.flowgate.delivery.domain.callback;

import java.util.List;

/**
 * Which callback URLs of which deployments are disabled, per owner: a receiver's 410
 * stops its own URL only, not another one of the deployment (a call's own callback URL,
 * say).
 */
public interface DisabledCallbacks {

	boolean isDisabled(String ownerId, String deploymentId, String callbackUrl);

	/** Disables (again); the latest reason wins. */
	void disable(DisabledCallback disabled);

	List<DisabledCallback> list(String ownerId);

	/**
	 * Enables every callback URL of the deployment.
	 * @return whether any was disabled
	 */
	boolean enable(String ownerId, String deploymentId);

}
