package dev.flowgate.delivery.domain.delivery;

/** A replay of a delivery that is still scheduled. */
public class DeliveryPendingException extends RuntimeException {

	DeliveryPendingException(String deliveryId) {
		super("Delivery " + deliveryId
				+ " is still scheduled; only a succeeded, failed or skipped one can be replayed");
	}

}
