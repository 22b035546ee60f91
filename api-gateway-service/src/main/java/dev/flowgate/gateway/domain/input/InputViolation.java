package dev.flowgate.gateway.domain.input;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One input that does not fit the deployment's input nodes.
 *
 * @param input the input's name (or, for FluxPrompt, the id the caller sent)
 * @param message what is wrong with it
 */
public record InputViolation(String input, String message) {

	/** One line naming every bad input, for APIs without a structured error list. */
	public static String describe(List<InputViolation> violations) {
		return violations.stream()
			.map((violation) -> violation.input() + ": " + violation.message())
			.collect(Collectors.joining("; ", "Invalid inputs: ", ""));
	}

}
