package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.flowgate.contracts.TriggersRejected;

/** The gateway's summaries in a map by event id, counted once as in MongoDB. */
public final class InMemoryRejectedCallCounts implements RejectedCallCounts {

	private final Map<String, TriggersRejected> stored = new ConcurrentHashMap<>();

	@Override
	public void add(TriggersRejected summary) {
		this.stored.putIfAbsent(summary.eventId().toString(), summary);
	}

	@Override
	public void forEachSince(String ownerId, Collection<String> deploymentIds, Instant from, Consumer<Refused> each) {
		this.stored.values()
			.stream()
			.filter((summary) -> summary.ownerId().equals(ownerId) && deploymentIds.contains(summary.deploymentId())
					&& !summary.to().isBefore(from))
			.forEach((summary) -> each.accept(new Refused(summary.deploymentId(), summary.to(), summary.counts())));
	}

	@Override
	public long deleteBefore(Instant instant) {
		int before = this.stored.size();
		this.stored.values().removeIf((summary) -> summary.to().isBefore(instant));
		return before - this.stored.size();
	}

	@Override
	public int deleteOwned(String ownerId, int limit) {
		List<String> owned = this.stored.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().ownerId().equals(ownerId))
			.map(Map.Entry::getKey)
			.limit(limit)
			.toList();
		owned.forEach(this.stored::remove);
		return owned.size();
	}

}
