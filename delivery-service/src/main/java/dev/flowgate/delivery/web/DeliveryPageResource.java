package dev.flowgate.delivery.web;

import java.util.List;

import dev.flowgate.delivery.domain.delivery.DeliveryPage;

/**
 * A page of deliveries, newest first, each with its last attempt; {@code nextCursor} is
 * {@code null} on the last.
 */
record DeliveryPageResource(List<DeliverySummaryResource> items, String nextCursor) {

	static DeliveryPageResource of(DeliveryPage page) {
		return new DeliveryPageResource(page.items().stream().map(DeliverySummaryResource::of).toList(),
				(page.next() != null) ? page.next().encode() : null);
	}

}
