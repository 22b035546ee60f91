package dev.flowgate.deployments.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.flowgate.deployments.domain.ConcurrentChangeException;
import dev.flowgate.deployments.domain.ConflictException;
import dev.flowgate.deployments.domain.InvalidRequestException;
import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.PreconditionFailedException;
import dev.flowgate.deployments.domain.execution.ReplayInputsRejectedException;
import dev.flowgate.deployments.domain.flow.FlowProblem;
import dev.flowgate.deployments.domain.flow.InvalidFlowException;
import dev.flowgate.deployments.domain.idempotency.IdempotencyMismatchException;
import dev.flowgate.internal.InternalApiProblems;
import dev.flowgate.internal.InvalidField;
import dev.flowgate.internal.InvalidFields;
import dev.flowgate.internal.ProblemType;

/**
 * deployment-service's errors as RFC 9457 problem details, with the same statuses as the
 * other services: a field or query parameter whose value is invalid or out of range
 * ({@code limit=0}, {@code window=2h}, a cursor no page gave, {@code syncTimeoutSeconds}
 * of -1, a flow the owner does not have) is a 400, as a body that is not JSON of the
 * expected shape is. A 409 is a conflict with the current state, or an owner at its
 * deployment limit, as at key-service's key limit, each of its own {@link ProblemType};
 * one that another request changing the same resource caused carries {@code Retry-After},
 * as every retryable answer does. A 412 is a write whose {@code If-Match} names a
 * revision the resource has moved on from; it carries the current {@code ETag}. A 422 is
 * an invalid flow graph, a replay whose recorded inputs the current flow version no
 * longer accepts, or an {@code Idempotency-Key} sent again with another request. The 400s
 * and the replay's 422 list every problem found in {@code errors} as {@code [{field,
 * message}]}, the one shape of the native API ({@link InvalidFields}); a flow's as
 * {@code [{nodeId, field, message}]}, {@code field} only where one member is at fault.
 */
@RestControllerAdvice
class ApiExceptionHandler extends InternalApiProblems {

	/** Concurrent changes of one resource are over within moments: a second will do. */
	private static final Duration CONCURRENT_CHANGE_RETRY_AFTER = Duration.ofSeconds(1);

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not Found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		return typeOf(ex.kind()).problem(ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> concurrentChange(ConcurrentChangeException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(CONCURRENT_CHANGE_RETRY_AFTER.toSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemType.CONCURRENT_CHANGE.problem(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException ex) {
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
			.eTag(EntityTags.of(ex.currentRevision()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.PRECONDITION_FAILED, "Precondition Failed", ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail invalidFlow(InvalidFlowException ex) {
		return withErrors(ProblemType.INVALID_FLOW.problem(ex.getMessage()),
				ex.problems().stream().map(ApiExceptionHandler::entry).toList());
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return InvalidFields.problem(fields(ex.problems()));
	}

	@ExceptionHandler
	ProblemDetail idempotencyMismatch(IdempotencyMismatchException ex) {
		return ProblemType.IDEMPOTENCY_MISMATCH.problem(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail replayInputsRejected(ReplayInputsRejectedException ex) {
		return withErrors(ProblemType.INPUTS_NOT_ACCEPTED.problem(ex.getMessage()), fields(ex.problems()));
	}

	private static ProblemType typeOf(ConflictException.Kind kind) {
		return switch (kind) {
			case CONCURRENT_CHANGE -> ProblemType.CONCURRENT_CHANGE;
			case LIMIT_REACHED -> ProblemType.LIMIT_REACHED;
			case IN_USE -> ProblemType.IN_USE;
			case ALREADY_FINISHED -> ProblemType.ALREADY_FINISHED;
			case NOT_REPLAYABLE -> ProblemType.NOT_REPLAYABLE;
		};
	}

	private static List<InvalidField> fields(List<FieldProblem> problems) {
		return problems.stream().map((problem) -> new InvalidField(problem.field(), problem.message())).toList();
	}

	/**
	 * {@code nodeId} always (null for the flow's own problems), {@code field} where one
	 * is at fault.
	 */
	private static Map<String, String> entry(FlowProblem problem) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("nodeId", problem.nodeId());
		if (problem.field() != null) {
			entry.put("field", problem.field());
		}
		entry.put("message", problem.message());
		return entry;
	}

	private static ProblemDetail withErrors(ProblemDetail problem, List<?> errors) {
		problem.setProperty(InvalidFields.ERRORS, errors);
		return problem;
	}

}
