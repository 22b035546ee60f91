package dev.flowgate.delivery.domain.callback;

import java.util.List;

/** Lets an owner see and lift the callback stops that 410 answers caused. */
public final class DisabledCallbackService {

	private final DisabledCallbacks disabled;

	public DisabledCallbackService(DisabledCallbacks disabled) {
		this.disabled = disabled;
	}

	public List<DisabledCallback> list(String ownerId) {
		return this.disabled.list(ownerId);
	}

	public void enable(String ownerId, String deploymentId) {
		if (!this.disabled.enable(ownerId, deploymentId)) {
			throw new CallbackNotDisabledException(deploymentId);
		}
	}

}
