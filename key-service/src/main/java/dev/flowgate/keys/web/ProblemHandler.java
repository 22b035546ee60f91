package dev.flowgate.keys.web;

import java.util.stream.Collectors;

import dev.flowgate.keys.domain.InvalidInputException;
import dev.flowgate.keys.domain.key.ConcurrentKeyChangeException;
import dev.flowgate.keys.domain.key.KeyNotFoundException;
import dev.flowgate.keys.domain.owner.OwnerNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 problem details; 400s name the offending field. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private static final String FIELD = "field";

	@ExceptionHandler
	ProblemDetail untrusted(UntrustedCallerException ex) {
		return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", ex.getMessage());
	}

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

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Request failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The body is not valid JSON");
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = pathOf(jackson);
			problem.setDetail(field + " has an invalid value");
			problem.setProperty(FIELD, field);
		}
		else if (ex.getCause() == null) {
			problem.setDetail("A JSON body is required");
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** {@code scopes[0]}, {@code name}: the JSON path, without Java types. */
	private static String pathOf(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining())
			.replaceFirst("^\\.", "");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
