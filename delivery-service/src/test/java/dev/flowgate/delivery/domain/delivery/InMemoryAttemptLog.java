package dev.flowgate.delivery.domain.delivery;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The attempt log, in memory. */
class InMemoryAttemptLog implements AttemptLog {

	private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

	@Override
	public void record(Attempt attempt) {
		this.attempts.removeIf((a) -> a.deliveryId().equals(attempt.deliveryId()) && a.number() == attempt.number());
		this.attempts.add(attempt);
	}

	@Override
	public List<Attempt> forDeliveries(Collection<String> deliveryIds) {
		return this.attempts.stream().filter((attempt) -> deliveryIds.contains(attempt.deliveryId())).toList();
	}

}
