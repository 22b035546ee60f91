package dev.flowgate.keys.domain;

import java.util.List;

/**
 * A request whose input is not acceptable; names each offending field (or query
 * parameter) and what is wrong with it, so that a client learns every problem at once.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> problems;

	/**
	 * @param problems at least one
	 */
	public InvalidRequestException(List<FieldProblem> problems) {
		super(String.join("; ", problems.stream().map(FieldProblem::sentence).toList()));
		this.problems = List.copyOf(problems);
	}

	public InvalidRequestException(String field, String reason) {
		this(List.of(new FieldProblem(field, reason)));
	}

	/** Throws for the problems found, if there are any. */
	public static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** The invalid fields, in the order found. */
	public List<String> fields() {
		return this.problems.stream().map(FieldProblem::field).toList();
	}

	/**
	 * One invalid field.
	 *
	 * @param reason what is wrong with the field, without its name ({@code must be ...})
	 */
	public record FieldProblem(String field, String reason) {

		String sentence() {
			return this.field + " " + this.reason;
		}

	}

}
