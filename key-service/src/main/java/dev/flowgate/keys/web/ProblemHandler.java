package dev.flowgate.keys.web;

import java.time.Duration;

import dev.flowgate.internal.InternalApiProblems;
import dev.flowgate.internal.InvalidField;
import dev.flowgate.internal.InvalidFields;
import dev.flowgate.internal.ProblemType;
import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.keys.domain.InvalidRequestException;
import dev.flowgate.keys.domain.key.CallingKeyNotFoundException;
import dev.flowgate.keys.domain.key.ConcurrentKeyChangeException;
import dev.flowgate.keys.domain.key.DeploymentDirectoryUnavailableException;
import dev.flowgate.keys.domain.key.KeyLimitReachedException;
import dev.flowgate.keys.domain.key.KeyNotFoundException;
import dev.flowgate.keys.domain.key.OwnerDeletedException;
import dev.flowgate.keys.domain.owner.OwnerNotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * key-service's errors as RFC 9457 problem details; a 400 lists the offending field in
 * {@code errors}, as the whole native API does.
 */
@RestControllerAdvice
class ProblemHandler extends InternalApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private final Duration deploymentCheckRetryAfter;

	ProblemHandler(FlowgateProperties properties) {
		this.deploymentCheckRetryAfter = properties.deploymentService().retryAfter();
	}

	@ExceptionHandler
	ProblemDetail adminRequired(AdminRequiredException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidRequestException ex) {
		return InvalidFields.problem(
				ex.problems().stream().map((problem) -> new InvalidField(problem.field(), problem.reason())).toList());
	}

	@ExceptionHandler
	ProblemDetail keyNotFound(KeyNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not Found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail callingKeyNotFound(CallingKeyNotFoundException ex) {
		return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail ownerNotFound(OwnerNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not Found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail ownerDeleted(OwnerDeletedException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not Found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail keyLimitReached(KeyLimitReachedException ex) {
		return ProblemType.LIMIT_REACHED.problem(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(ConcurrentKeyChangeException ex) {
		return ProblemType.CONCURRENT_CHANGE.problem(ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> deploymentCheckUnavailable(DeploymentDirectoryUnavailableException ex) {
		log.warn("Cannot check a new key's deployments: {}", ex.getMessage());
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Deployments cannot be checked",
				"The key's deploymentIds cannot be checked now; try again later");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.deploymentCheckRetryAfter.toSeconds()))
			.body(problem);
	}

}
