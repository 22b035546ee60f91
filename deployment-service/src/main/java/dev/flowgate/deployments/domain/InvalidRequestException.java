package dev.flowgate.deployments.domain;

import java.util.List;

/**
 * A request whose fields or query parameters have invalid values, whatever is stored;
 * every problem is reported at once.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidRequestException(List<FieldProblem> problems) {
		super("The request has %d invalid field(s)".formatted(problems.size()));
		this.problems = List.copyOf(problems);
	}

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** One invalid field. */
	public record FieldProblem(String field, String message) {
	}

}
