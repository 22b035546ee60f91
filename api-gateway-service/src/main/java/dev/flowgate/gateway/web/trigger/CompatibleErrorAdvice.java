package dev.flowgate.gateway.web.trigger;

import java.util.List;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.web.error.CompatibleErrors;
import dev.flowgate.gateway.web.error.RejectionHttp;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Errors of the aicuflow and FluxPrompt endpoints in their own shapes, with the right
 * HTTP status: their clients read {@code message} or {@code error}, never a problem.
 */
@RestControllerAdvice(assignableTypes = { AicuflowTriggerController.class, FluxTriggerController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CompatibleErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(CompatibleErrorAdvice.class);

	private final List<CompatibleErrors> apis;

	CompatibleErrorAdvice(List<CompatibleErrors> apis) {
		this.apis = apis;
	}

	@ExceptionHandler(Rejection.class)
	ResponseEntity<Object> rejected(Rejection rejection, HttpServletRequest request) {
		return ResponseEntity.status(RejectionHttp.status(rejection))
			.headers(RejectionHttp.headers(rejection))
			// Set, not negotiated: a caller whose Accept rules JSON out still learns why.
			.contentType(MediaType.APPLICATION_JSON)
			.body(shaped(request, rejection.getMessage()));
	}

	/** The caller left while its sync call waited: there is nobody to answer. */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void callerGone() {
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse known) {
			// Spring MVC's own (a request it cannot read, a wait past its limit).
			HttpStatusCode status = known.getStatusCode();
			String detail = known.getBody().getDetail();
			return ResponseEntity.status(status)
				.headers(known.getHeaders())
				.contentType(MediaType.APPLICATION_JSON)
				.body(shaped(request, (detail != null) ? detail : known.getBody().getTitle()));
		}
		log.error("Unexpected error on {}", request.getRequestURI(), ex);
		return ResponseEntity.internalServerError()
			.contentType(MediaType.APPLICATION_JSON)
			.body(shaped(request, "Unexpected error"));
	}

	private Object shaped(HttpServletRequest request, String message) {
		return CompatibleErrors.owning(this.apis, request.getRequestURI())
			.orElseThrow(() -> new IllegalStateException("No compatible API serves " + request.getRequestURI()))
			.body(message);
	}

}
