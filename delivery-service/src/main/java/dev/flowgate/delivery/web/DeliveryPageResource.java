package dev.flowgate.delivery.web;

import java.util.List;

import dev.flowgate.delivery.domain.delivery.DeliveryPage;

/** A page of deliveries, newest first; {@code nextCursor} is {@code null} on the last. */
record DeliveryPageResource(List<DeliveryResource> items, String nextCursor) {

	static DeliveryPageResource of(DeliveryPage page) {
		return new DeliveryPageResource(page.items().stream().map(DeliveryResource::of).toList(),
				(page.next() != null) ? page.next().encode() : null);
	}

}
