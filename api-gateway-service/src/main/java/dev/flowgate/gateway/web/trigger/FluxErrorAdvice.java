package dev.flowgate.gateway.web.trigger;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.web.error.RejectionHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the FluxPrompt endpoint in FluxPrompt's shape, with the right HTTP status.
 */
@RestControllerAdvice(assignableTypes = FluxTriggerController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FluxErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(FluxErrorAdvice.class);

	@ExceptionHandler(Rejection.class)
	ResponseEntity<FluxResponse.Error> rejected(Rejection rejection) {
		return ResponseEntity.status(RejectionHttp.status(rejection))
			.headers(RejectionHttp.headers(rejection))
			// Set, not negotiated: a caller whose Accept rules JSON out still learns why.
			.contentType(MediaType.APPLICATION_JSON)
			.body(FluxResponse.Error.of(rejection.getMessage()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<FluxResponse.Error> unexpected(Exception ex) {
		log.error("Unexpected error on the FluxPrompt trigger", ex);
		return ResponseEntity.internalServerError()
			.contentType(MediaType.APPLICATION_JSON)
			.body(FluxResponse.Error.of("Unexpected error"));
	}

}
