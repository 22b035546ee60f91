package dev.flowgate.gateway.domain.input;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.flowgate.flowrules.InputNesting;
import dev.flowgate.flowrules.InputType;

/**
 * Checks trigger inputs against a deployment's input nodes: required ones present, each
 * value of its declared type. Inputs no node declares pass through unchecked but for
 * their nesting.
 */
public final class InputValidator {

	private InputValidator() {
	}

	/**
	 * @param label how a violation names its input: FluxPrompt's callers know input nodes
	 * by id
	 */
	public static List<InputViolation> validate(List<InputSpec> specs, Map<String, Object> inputs,
			Function<InputSpec, String> label) {
		List<InputViolation> violations = new ArrayList<>();
		for (InputSpec spec : specs) {
			Object value = inputs.get(spec.name());
			String problem = (value != null) ? typeProblem(spec.type(), value)
					: (spec.required() ? "is required" : null);
			if (problem != null) {
				violations.add(new InputViolation(label.apply(spec), problem));
			}
		}
		inputs.forEach((name, value) -> {
			if (InputNesting.isTooDeep(value)) {
				violations.add(new InputViolation(name, InputNesting.TOO_DEEP));
			}
		});
		return violations;
	}

	private static String typeProblem(InputType type, Object value) {
		return type.accepts(value) ? null : type.expectation();
	}

	/** Whether a URL names a user (and password) before its host. */
	public static boolean hasCredentials(String url) {
		try {
			return new URI(url).getRawUserInfo() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	public static boolean isHttpUrl(Object value) {
		return value instanceof String text && InputType.isHttpUrl(text);
	}

}
