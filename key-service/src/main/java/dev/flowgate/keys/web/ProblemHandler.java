package dev.flowgate.keys.web;

import dev.flowgate.internal.InternalApiProblems;
import dev.flowgate.keys.domain.InvalidInputException;
import dev.flowgate.keys.domain.key.ConcurrentKeyChangeException;
import dev.flowgate.keys.domain.key.KeyNotFoundException;
import dev.flowgate.keys.domain.owner.OwnerNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** key-service's errors as RFC 9457 problem details; 400s name the offending field. */
@RestControllerAdvice
class ProblemHandler extends InternalApiProblems {

	@ExceptionHandler
	ProblemDetail adminRequired(AdminRequiredException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
		problem.setProperty(FIELD, ex.field());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail keyNotFound(KeyNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Key not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail ownerNotFound(OwnerNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Owner not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(ConcurrentKeyChangeException ex) {
		return problem(HttpStatus.CONFLICT, "Concurrent change", ex.getMessage());
	}

}
