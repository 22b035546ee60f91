package dev.flowgate.delivery.domain.delivery;

import java.util.List;

/** A delivery with its attempt log. */
public record DeliveryView(Delivery delivery, List<Attempt> attempts) {

	public DeliveryView {
		attempts = List.copyOf(attempts);
	}

}
