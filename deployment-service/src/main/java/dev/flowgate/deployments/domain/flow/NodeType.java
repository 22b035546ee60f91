package dev.flowgate.deployments.domain.flow;

import java.util.Arrays;
import java.util.Optional;

/** The node types a flow may use, by their token in the flow JSON. */
enum NodeType {

	INPUT("input"), TEMPLATE("template"), LLM("llm"), HTTP("http"), TRANSFORM("transform"), CONDITION("condition"),
	FILE("file"), OUTPUT("output");

	private final String token;

	NodeType(String token) {
		this.token = token;
	}

	public String token() {
		return this.token;
	}

	public static Optional<NodeType> of(String token) {
		return Arrays.stream(values()).filter((type) -> type.token.equals(token)).findFirst();
	}

}
