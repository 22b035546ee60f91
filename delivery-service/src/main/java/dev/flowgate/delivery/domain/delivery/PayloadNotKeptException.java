package dev.flowgate.delivery.domain.delivery;

/** A replay of a delivery whose message was over the payload limit, so not kept. */
public class PayloadNotKeptException extends RuntimeException {

	PayloadNotKeptException(String deliveryId) {
		super("Delivery " + deliveryId
				+ " was never sent: its payload exceeded the size limit and was not kept, so it cannot be replayed");
	}

}
