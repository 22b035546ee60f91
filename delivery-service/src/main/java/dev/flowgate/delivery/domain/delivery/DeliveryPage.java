package dev.flowgate.delivery.domain.delivery;

import java.util.List;

/** One page of deliveries; {@code next} is {@code null} on the last page. */
public record DeliveryPage(List<DeliverySummary> items, DeliveryCursor next) {

}
