package dev.flowgate.delivery.domain.callback;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The disabled-callback store's contract, in memory. */
class InMemoryDisabledCallbacks implements DisabledCallbacks {

	private final Map<String, DisabledCallback> disabled = new ConcurrentHashMap<>();

	@Override
	public boolean isDisabled(String ownerId, String deploymentId, String callbackUrl) {
		return this.disabled.containsKey(ownerId + "/" + deploymentId + "/" + callbackUrl);
	}

	@Override
	public void disable(DisabledCallback callback) {
		this.disabled.put(callback.ownerId() + "/" + callback.deploymentId() + "/" + callback.callbackUrl(), callback);
	}

	@Override
	public List<DisabledCallback> list(String ownerId) {
		return this.disabled.values().stream().filter((d) -> d.ownerId().equals(ownerId)).toList();
	}

	@Override
	public boolean enable(String ownerId, String deploymentId) {
		return this.disabled.keySet().removeIf((key) -> key.startsWith(ownerId + "/" + deploymentId + "/"));
	}

}
