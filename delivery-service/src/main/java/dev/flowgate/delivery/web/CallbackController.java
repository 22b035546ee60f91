package dev.flowgate.delivery.web;

import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.delivery.domain.callback.DisabledCallbackService;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Callbacks stopped by a 410 answer, and turning them back on. */
@RestController
class CallbackController {

	private final DisabledCallbackService disabled;

	CallbackController(DisabledCallbackService disabled) {
		this.disabled = disabled;
	}

	@GetMapping("/v1/callbacks/disabled")
	DisabledCallbacksResource disabled(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return DisabledCallbacksResource.of(this.disabled.page(ownerId, cursor, limit));
	}

	/**
	 * 204 whether or not anything was disabled: see
	 * {@link DisabledCallbackService#enable}.
	 */
	@PostMapping("/v1/callbacks/{deploymentId}/enable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void enable(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String deploymentId) {
		this.disabled.enable(ownerId, deploymentId);
	}

}
