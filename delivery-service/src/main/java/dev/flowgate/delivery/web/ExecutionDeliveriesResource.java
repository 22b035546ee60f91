package dev.flowgate.delivery.web;

import java.util.List;

/** The deliveries of one execution. */
record ExecutionDeliveriesResource(String executionId, List<DeliveryResource> deliveries) {
}
