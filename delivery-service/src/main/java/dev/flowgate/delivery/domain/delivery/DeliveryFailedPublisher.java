package dev.flowgate.delivery.domain.delivery;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.DeliveryFailed;

/** Sends failed deliveries to the delivery dead-letter topic. */
public interface DeliveryFailedPublisher {

	/** Completes when the broker has acknowledged the event. */
	CompletableFuture<Void> publish(DeliveryFailed event);

}
