package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What owners see of their deliveries, and replays. */
public final class DeliveryService {

	private final DeliveryStore store;

	private final AttemptLog attempts;

	private final DeliveryDispatcher dispatcher;

	private final Clock clock;

	public DeliveryService(DeliveryStore store, AttemptLog attempts, DeliveryDispatcher dispatcher, Clock clock) {
		this.store = store;
		this.attempts = attempts;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	/** The deliveries of an execution; none visible to this owner is a not-found. */
	public List<DeliveryView> forExecution(String ownerId, String executionId) {
		List<Delivery> deliveries = this.store.findByExecution(ownerId, executionId);
		if (deliveries.isEmpty()) {
			throw DeliveryNotFoundException.forExecution(executionId);
		}
		Map<String, List<Attempt>> byDelivery = this.attempts
			.forDeliveries(deliveries.stream().map(Delivery::id).toList())
			.stream()
			.collect(Collectors.groupingBy(Attempt::deliveryId));
		return deliveries.stream()
			.map((delivery) -> new DeliveryView(delivery, byDelivery.getOrDefault(delivery.id(), List.of())))
			.toList();
	}

	public DeliveryView get(String ownerId, String deliveryId) {
		Delivery delivery = find(ownerId, deliveryId);
		return new DeliveryView(delivery, this.attempts.forDeliveries(List.of(deliveryId)));
	}

	/**
	 * Sends a finished delivery again now, with a fresh round of attempts and the same
	 * {@code webhook-id}.
	 */
	public DeliveryView retry(String ownerId, String deliveryId) {
		Delivery delivery = find(ownerId, deliveryId);
		if (delivery.status() == DeliveryStatus.PENDING
				|| !this.store.replay(delivery.replayed(this.clock.instant()), delivery.status())) {
			throw new DeliveryPendingException(deliveryId);
		}
		this.dispatcher.dispatchNow(deliveryId);
		return get(ownerId, deliveryId);
	}

	private Delivery find(String ownerId, String deliveryId) {
		return this.store.find(ownerId, deliveryId).orElseThrow(() -> DeliveryNotFoundException.delivery(deliveryId));
	}

}
