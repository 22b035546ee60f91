package dev.flowgate.flowrules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The node types a flow may use, by their token in the flow JSON: what deployment-service
 * accepts when a flow is saved and the runner has an executor for.
 */
public enum NodeType {

	INPUT("input"), TEMPLATE("template", "template"), LLM("llm", "baseUrl", "system", "prompt"),
	HTTP("http", "url", "headers", "body"), TRANSFORM("transform"), CONDITION("condition"), FILE("file", "url"),
	OUTPUT("output", "value");

	private final String token;

	private final List<String> templateFields;

	NodeType(String token, String... templateFields) {
		this.token = token;
		this.templateFields = List.of(templateFields);
	}

	public String token() {
		return this.token;
	}

	/**
	 * The settings the runner renders as templates ({@code {{input.name}}},
	 * {@code {{nodeId.path}}}), whose references deployment-service checks on save.
	 */
	public List<String> templateFields() {
		return this.templateFields;
	}

	/** Whether a node of the flow JSON, by its {@code type}, is of this type. */
	public boolean isTypeOf(String nodeType) {
		return this.token.equals(nodeType);
	}

	public static Optional<NodeType> of(String token) {
		return Arrays.stream(values()).filter((type) -> type.isTypeOf(token)).findFirst();
	}

}
