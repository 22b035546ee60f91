package dev.flowgate.delivery.domain.delivery;

/** No such delivery for this owner (another owner's is not found either). */
public class DeliveryNotFoundException extends RuntimeException {

	private DeliveryNotFoundException(String message) {
		super(message);
	}

	static DeliveryNotFoundException delivery(String deliveryId) {
		return new DeliveryNotFoundException("No delivery " + deliveryId);
	}

	static DeliveryNotFoundException forExecution(String executionId) {
		return new DeliveryNotFoundException("No deliveries for execution " + executionId);
	}

}
