package dev.flowgate.delivery.domain.delivery;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The attempt log, in memory. */
class InMemoryAttemptLog implements AttemptLog {

	private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

	@Override
	public void record(Attempt attempt) {
		this.attempts.removeIf((a) -> a.deliveryId().equals(attempt.deliveryId()) && a.number() == attempt.number());
		this.attempts.add(attempt);
	}

	/** Drops a delivery's log, as deleting its document does. */
	void forget(String deliveryId) {
		this.attempts.removeIf((attempt) -> attempt.deliveryId().equals(deliveryId));
	}

	@Override
	public List<Attempt> forDeliveries(Collection<String> deliveryIds) {
		return this.attempts.stream().filter((attempt) -> deliveryIds.contains(attempt.deliveryId())).toList();
	}

	@Override
	public List<Attempt> lastOf(Collection<String> deliveryIds) {
		return forDeliveries(deliveryIds).stream()
			.collect(Collectors.toMap(Attempt::deliveryId, Function.identity(),
					BinaryOperator.maxBy(Comparator.comparingInt(Attempt::number))))
			.values()
			.stream()
			.toList();
	}

}
