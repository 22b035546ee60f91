package dev.flowgate.delivery.domain.delivery;

import java.util.List;

import dev.flowgate.delivery.domain.PageCursor;

/** One page of deliveries; {@code next} is {@code null} on the last page. */
public record DeliveryPage(List<DeliverySummary> items, PageCursor next) {

}
