package dev.flowgate.delivery.domain.delivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flowgate.contracts.DeliveryFailed;

/** Keeps the DeliveryFailed events instead of sending them. */
class RecordingPublisher implements DeliveryFailedPublisher {

	final List<DeliveryFailed> events = new CopyOnWriteArrayList<>();

	@Override
	public CompletableFuture<Void> publish(DeliveryFailed event) {
		this.events.add(event);
		return CompletableFuture.completedFuture(null);
	}

}
