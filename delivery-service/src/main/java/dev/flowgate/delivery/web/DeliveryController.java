package dev.flowgate.delivery.web;

import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.delivery.domain.delivery.DeliveryService;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An owner's deliveries, their attempt logs, and replays. */
@RestController
class DeliveryController {

	private final DeliveryService deliveries;

	DeliveryController(DeliveryService deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping("/v1/executions/{executionId}/deliveries")
	ExecutionDeliveriesResource forExecution(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String executionId) {
		return new ExecutionDeliveriesResource(executionId,
				this.deliveries.forExecution(ownerId, executionId).stream().map(DeliveryResource::of).toList());
	}

	@GetMapping("/v1/deliveries")
	DeliveryPageResource list(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		return DeliveryPageResource.of(this.deliveries.list(ownerId, status, cursor, limit));
	}

	@PostMapping("/v1/deliveries/recover")
	@ResponseStatus(HttpStatus.ACCEPTED)
	RecoveryResource recover(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestBody(required = false) RecoverRequestBody body) {
		return RecoveryResource.of(this.deliveries.recover(ownerId, (body != null) ? body.since() : null,
				(body != null) ? body.cursor() : null));
	}

	@GetMapping("/v1/deliveries/{deliveryId}")
	DeliveryResource get(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String deliveryId) {
		return DeliveryResource.of(this.deliveries.get(ownerId, deliveryId));
	}

	@PostMapping("/v1/deliveries/{deliveryId}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DeliveryResource retry(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String deliveryId) {
		return DeliveryResource.of(this.deliveries.retry(ownerId, deliveryId));
	}

}
