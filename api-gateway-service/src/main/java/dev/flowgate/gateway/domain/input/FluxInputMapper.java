package dev.flowgate.gateway.domain.input;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.flowgate.flowrules.InputType;
import dev.flowgate.gateway.domain.Rejection;

/**
 * Turns FluxPrompt's {@code variableInputs} (input node id plus text) into named, typed
 * inputs. Text that cannot be coerced is kept as text, so the validator then names the
 * input and the type it needs.
 */
public final class FluxInputMapper {

	private final JsonText json;

	public FluxInputMapper(JsonText json) {
		this.json = json;
	}

	/**
	 * @throws Rejection naming every input id that matches no input node, and every input
	 * given more than once (which of two texts was meant is not for Flowgate to guess)
	 */
	public Map<String, Object> map(List<InputSpec> specs, List<FluxInput> variableInputs) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		List<InputViolation> violations = new ArrayList<>();
		for (FluxInput input : variableInputs) {
			Optional<InputSpec> spec = find(specs, input.inputId());
			if (spec.isEmpty()) {
				violations.add(new InputViolation(String.valueOf(input.inputId()), "matches no input node"));
			}
			else if (inputs.containsKey(spec.get().name())) {
				violations.add(new InputViolation(input.inputId(), "is given more than once"));
			}
			else {
				inputs.put(spec.get().name(), coerce(spec.get().type(), input.inputText()));
			}
		}
		if (!violations.isEmpty()) {
			throw Rejection.invalidInput(violations);
		}
		return inputs;
	}

	private static Optional<InputSpec> find(List<InputSpec> specs, String inputId) {
		// The id is what FluxPrompt sends; the name is accepted too, for hand-written
		// calls.
		return specs.stream()
			.filter((spec) -> spec.nodeId().equals(inputId))
			.findFirst()
			.or(() -> specs.stream().filter((spec) -> spec.name().equals(inputId)).findFirst());
	}

	Object coerce(InputType type, String text) {
		if (text == null) {
			return null;
		}
		return switch (type) {
			case NUMBER -> number(text);
			case BOOLEAN -> bool(text);
			case JSON -> this.json.parse(text).orElse(text);
			case TEXT, FILE_URL -> text;
		};
	}

	private static Object number(String text) {
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

	private static Object bool(String text) {
		String normalized = text.trim().toLowerCase(Locale.ROOT);
		return switch (normalized) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> text;
		};
	}

}
