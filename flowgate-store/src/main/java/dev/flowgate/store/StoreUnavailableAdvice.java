package dev.flowgate.store;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An API call that cannot reach MongoDB answers 503 with {@code Retry-After}: the caller
 * did nothing wrong and may try again. {@link StoreUnavailableResolver} brings it every
 * failure {@link StoreOutages#isOutage} takes for an outage, and only those; ahead of
 * each service's own handlers, whose catch-all would make it a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreUnavailableAdvice {

	private static final Logger logger = LoggerFactory.getLogger(StoreUnavailableAdvice.class);

	private final Duration retryAfter;

	StoreUnavailableAdvice(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException ex) {
		// One line, no stack trace: during an outage every call ends here.
		logger.warn("Answering 503, MongoDB cannot be reached: {}",
				NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The store cannot be reached at the moment. Try again later.");
		problem.setTitle("Store unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfter.toSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
