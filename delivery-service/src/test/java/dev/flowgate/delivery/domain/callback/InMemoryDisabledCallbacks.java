package dev.flowgate.delivery.domain.callback;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.flowgate.delivery.domain.PageCursor;

/** The disabled-callback store's contract, in memory; its keys stand for the ids. */
public class InMemoryDisabledCallbacks implements DisabledCallbacks {

	private static final Comparator<Map.Entry<String, DisabledCallback>> NEWEST_FIRST = Comparator
		.comparing((Map.Entry<String, DisabledCallback> entry) -> entry.getValue().disabledAt())
		.thenComparing(Map.Entry::getKey)
		.reversed();

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
	public DisabledCallbackPage page(String ownerId, PageCursor after, int limit) {
		List<Map.Entry<String, DisabledCallback>> found = this.disabled.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().ownerId().equals(ownerId))
			.sorted(NEWEST_FIRST)
			.filter((entry) -> after == null || NEWEST_FIRST.compare(entry, position(after)) > 0)
			.toList();
		List<Map.Entry<String, DisabledCallback>> items = found.subList(0, Math.min(limit, found.size()));
		Map.Entry<String, DisabledCallback> last = (found.size() > limit) ? items.get(items.size() - 1) : null;
		return new DisabledCallbackPage(items.stream().map(Map.Entry::getValue).toList(),
				(last != null) ? new PageCursor(last.getValue().disabledAt(), last.getKey()) : null);
	}

	@Override
	public void enable(String ownerId, String deploymentId) {
		this.disabled.keySet().removeIf((key) -> key.startsWith(ownerId + "/" + deploymentId + "/"));
	}

	@Override
	public int deleteSomeOf(String ownerId, int limit) {
		List<String> keys = this.disabled.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().ownerId().equals(ownerId))
			.map(Map.Entry::getKey)
			.limit(limit)
			.toList();
		keys.forEach(this.disabled::remove);
		return keys.size();
	}

	private static Map.Entry<String, DisabledCallback> position(PageCursor cursor) {
		return Map.entry(cursor.id(), new DisabledCallback(null, null, null, cursor.at(), null));
	}

}
