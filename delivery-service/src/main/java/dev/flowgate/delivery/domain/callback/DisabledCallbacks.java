package dev.flowgate.delivery.domain.callback;

import java.util.List;

/** Which deployments' callbacks are disabled, per owner. */
public interface DisabledCallbacks {

	boolean isDisabled(String ownerId, String deploymentId);

	/** Disables (again); the latest reason wins. */
	void disable(DisabledCallback disabled);

	List<DisabledCallback> list(String ownerId);

	/**
	 * @return whether it was disabled
	 */
	boolean enable(String ownerId, String deploymentId);

}
