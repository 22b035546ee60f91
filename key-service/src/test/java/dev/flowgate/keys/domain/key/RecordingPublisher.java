package dev.flowgate.keys.domain.key;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Records what was sent; answers with queued outcomes, then acknowledges. */
class RecordingPublisher implements KeyStatePublisher {

	private final List<ApiKey> sent = new ArrayList<>();

	private final Deque<Delivery> outcomes = new ArrayDeque<>();

	void nextOutcomes(Delivery... deliveries) {
		this.outcomes.addAll(List.of(deliveries));
	}

	List<ApiKey> sent() {
		return this.sent;
	}

	@Override
	public Delivery publish(ApiKey key) {
		this.sent.add(key);
		return this.outcomes.isEmpty() ? Delivery.ACKNOWLEDGED : this.outcomes.poll();
	}

}
