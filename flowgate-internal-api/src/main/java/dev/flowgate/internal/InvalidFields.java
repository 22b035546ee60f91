package dev.flowgate.internal;

import java.util.List;

import org.springframework.http.ProblemDetail;

/**
 * The one shape of a 400 about a request's content on the native API: problem details
 * listing every {@link InvalidField} in {@code errors}, and a {@code detail} that reads
 * on its own (the one error as a sentence, or which fields are invalid).
 */
public final class InvalidFields {

	/** The problem property listing what is wrong. */
	public static final String ERRORS = "errors";

	private InvalidFields() {
	}

	public static ProblemDetail problem(String field, String message) {
		return problem(List.of(new InvalidField(field, message)));
	}

	/**
	 * @param errors at least one
	 */
	public static ProblemDetail problem(List<InvalidField> errors) {
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("A 400 about the content names at least one error");
		}
		ProblemDetail problem = ProblemType.INVALID_REQUEST.problem(detail(errors));
		problem.setProperty(ERRORS, List.copyOf(errors));
		return problem;
	}

	private static String detail(List<InvalidField> errors) {
		if (errors.size() == 1) {
			return errors.get(0).sentence();
		}
		List<String> fields = errors.stream().map(InvalidField::field).distinct().toList();
		return "The request has %d invalid field%s: %s".formatted(fields.size(), (fields.size() == 1) ? "" : "s",
				String.join(", ", fields));
	}

}
