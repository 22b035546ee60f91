package dev.flowgate.gateway.web.error;

import java.util.List;
import java.util.Map;

import dev.flowgate.gateway.domain.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the native and management APIs, and for Spring MVC's own
 * errors (404 for unknown routes, 405, ...). The compatibility APIs have their own
 * advice, ordered before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler(Rejection.class)
	ResponseEntity<ProblemDetail> rejected(Rejection rejection) {
		HttpStatus status = RejectionHttp.status(rejection);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rejection.getMessage());
		if (!rejection.violations().isEmpty()) {
			List<Map<String, String>> errors = rejection.violations()
				.stream()
				.map((violation) -> Map.of("input", violation.input(), "message", violation.message()))
				.toList();
			problem.setProperty("errors", errors);
		}
		HttpHeaders headers = RejectionHttp.headers(rejection);
		if (status == HttpStatus.UNAUTHORIZED) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error"));
	}

}
