package dev.flowgate.delivery.web;

import java.time.Duration;

import dev.flowgate.delivery.domain.InvalidRequestException;
import dev.flowgate.delivery.domain.delivery.DeliveryNotFoundException;
import dev.flowgate.delivery.domain.delivery.DeliveryPendingException;
import dev.flowgate.delivery.domain.delivery.PayloadNotKeptException;
import dev.flowgate.delivery.domain.owner.OwnerErasedException;
import dev.flowgate.delivery.domain.signing.ConcurrentSecretChangeException;
import dev.flowgate.delivery.domain.signing.UnreadableSecretException;
import dev.flowgate.internal.InternalApiProblems;
import dev.flowgate.internal.InvalidFields;
import dev.flowgate.internal.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * delivery-service's errors as RFC 9457 problem details; a 400 lists the offending field
 * in {@code errors}, as the whole native API does.
 */
@RestControllerAdvice
class ProblemHandler extends InternalApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	/**
	 * An unreadable secret clears only once an operator configures its key: retrying
	 * within seconds would not help, and a minute is still soon after a fix.
	 */
	private static final Duration UNREADABLE_SECRET_RETRY_AFTER = Duration.ofSeconds(60);

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return InvalidFields.problem(ex.field(), ex.reason());
	}

	@ExceptionHandler
	ProblemDetail deliveryNotFound(DeliveryNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not Found", ex.getMessage());
	}

	/**
	 * A deleted owner's data is erased, and nothing of it is created again (a signing
	 * secret on first use, say).
	 */
	@ExceptionHandler
	ProblemDetail ownerErased(OwnerErasedException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not Found", "The owner was deleted");
	}

	@ExceptionHandler
	ProblemDetail pending(DeliveryPendingException ex) {
		return ProblemType.DELIVERY_PENDING.problem(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notKept(PayloadNotKeptException ex) {
		return ProblemType.PAYLOAD_NOT_KEPT.problem(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(ConcurrentSecretChangeException ex) {
		return ProblemType.CONCURRENT_CHANGE.problem(ex.getMessage());
	}

	/** The operator's configuration is at fault; the owner learns no more than that. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadableSecret(UnreadableSecretException ex) {
		log.error("A webhook signing secret cannot be read: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(UNREADABLE_SECRET_RETRY_AFTER.toSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Signing secret unavailable",
					"The webhook signing secret cannot be read at the moment; callbacks wait until it can"));
	}

}
