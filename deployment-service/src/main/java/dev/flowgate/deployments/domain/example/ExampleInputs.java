package dev.flowgate.deployments.domain.example;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.flowrules.InputNesting;
import dev.flowgate.flowrules.InputType;
import dev.flowgate.deployments.domain.flow.FlowInput;

/**
 * The inputs an example sends: each input's test value, or for a required input without
 * one (or with one too large to show) a stand-in of its type. Optional inputs without a
 * test value are left out.
 *
 * @param byName for {@code input_data}
 * @param variableInputs for FluxPrompt: input node id and the value as text
 */
record ExampleInputs(Map<String, Object> byName, List<Map<String, Object>> variableInputs) {

	/**
	 * A test value shown in the examples at most, as JSON on one line; an example indents
	 * each nested line, so a larger or deeper one would grow many times over.
	 */
	static final int MAX_SHOWN_CHARS = 4096;

	/** Objects and arrays nested in a test value shown in the examples at most. */
	static final int MAX_SHOWN_LEVELS = 16;

	static ExampleInputs of(List<FlowInput> inputs) {
		Map<String, Object> byName = new LinkedHashMap<>();
		List<Map<String, Object>> variableInputs = new ArrayList<>();
		for (FlowInput input : inputs) {
			if (input.testValue() == null && !input.required()) {
				continue;
			}
			Object value = isShown(input.testValue()) ? input.testValue() : standIn(input.type());
			byName.put(input.name(), value);
			Map<String, Object> variable = new LinkedHashMap<>();
			variable.put("inputId", input.nodeId());
			variable.put("inputText", (value instanceof String text) ? text : CodeLiteral.compact(value));
			variableInputs.add(variable);
		}
		return new ExampleInputs(byName, variableInputs);
	}

	private static boolean isShown(Object testValue) {
		return testValue != null && !InputNesting.exceeds(testValue, MAX_SHOWN_LEVELS)
				&& CodeLiteral.compact(testValue).length() <= MAX_SHOWN_CHARS;
	}

	private static Object standIn(InputType type) {
		return switch (type) {
			case TEXT -> "example";
			case NUMBER -> 1;
			case BOOLEAN -> true;
			case JSON -> Map.of();
			case FILE_URL -> "https://example.com/document.pdf";
		};
	}

}
