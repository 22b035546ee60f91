package dev.flowgate.gateway.web.error;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.internal.InvalidField;
import dev.flowgate.internal.InvalidFields;
import dev.flowgate.internal.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the native and management APIs, and for Spring MVC's own
 * errors (404 for unknown routes, 405, ...). A refusal of the request's content is the
 * native API's one 400, {@code errors: [{field, message}]} ({@link InvalidFields}). The
 * compatibility APIs have their own advice, ordered before this one; Spring MVC's errors
 * on their paths take their shape.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private static final String INPUT_DATA = "input_data.";

	private final List<CompatibleErrors> compatibleApis;

	ProblemAdvice(List<CompatibleErrors> compatibleApis) {
		this.compatibleApis = compatibleApis;
	}

	@ExceptionHandler(Rejection.class)
	ResponseEntity<ProblemDetail> rejected(Rejection rejection) {
		HttpStatus status = RejectionHttp.status(rejection);
		List<InvalidField> errors = invalidFields(rejection);
		ProblemDetail problem = errors.isEmpty() ? withoutErrors(rejection, status) : InvalidFields.problem(errors);
		return ResponseEntity.status(status).headers(RejectionHttp.headers(rejection)).body(problem);
	}

	/** Of its own type where its status does not tell it from others. */
	private static ProblemDetail withoutErrors(Rejection rejection, HttpStatus status) {
		return switch (rejection.reason()) {
			case IDEMPOTENCY_MISMATCH -> ProblemType.IDEMPOTENCY_MISMATCH.problem(rejection.getMessage());
			case DEPLOYMENT_DISABLED -> ProblemType.DEPLOYMENT_DISABLED.problem(rejection.getMessage());
			default -> ProblemDetail.forStatusAndDetail(status, rejection.getMessage());
		};
	}

	/**
	 * What the request's content has wrong, by path in the body as every native 400 lists
	 * it: the native trigger's inputs are {@code input_data}'s members.
	 */
	private static List<InvalidField> invalidFields(Rejection rejection) {
		Stream<InvalidField> members = rejection.fieldViolations()
			.stream()
			.map((violation) -> new InvalidField(violation.field(), violation.message()));
		Stream<InvalidField> inputs = rejection.violations()
			.stream()
			.map((violation) -> new InvalidField(INPUT_DATA + violation.input(), violation.message()));
		return Stream.concat(members, inputs).toList();
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error"));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		String path = ((ServletWebRequest) request).getRequest().getRequestURI();
		Optional<CompatibleErrors> api = CompatibleErrors.owning(this.compatibleApis, path);
		if (body instanceof ProblemDetail problem && api.isPresent()) {
			String message = (problem.getDetail() != null) ? problem.getDetail() : problem.getTitle();
			return ResponseEntity.status(status)
				.headers(headers)
				.contentType(MediaType.APPLICATION_JSON)
				.body(api.get().body(message));
		}
		return super.createResponseEntity(body, headers, status, request);
	}

}
