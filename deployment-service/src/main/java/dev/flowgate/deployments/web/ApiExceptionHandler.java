package dev.flowgate.deployments.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.flowgate.deployments.domain.ConflictException;
import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.flow.InvalidFlowException;
import dev.flowgate.internal.InternalApiProblems;

/**
 * deployment-service's errors as RFC 9457 problem details; a 422 lists every problem
 * found ({@code errors}).
 */
@RestControllerAdvice
class ApiExceptionHandler extends InternalApiProblems {

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not Found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidFlow(InvalidFlowException ex) {
		return withErrors(problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid flow", ex.getMessage()), ex.problems());
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return withErrors(problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", ex.getMessage()), ex.problems());
	}

	private static ProblemDetail withErrors(ProblemDetail problem, List<?> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

}
