package dev.flowgate.flowrules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeTypeTest {

	@Test
	void findsATypeByItsTokenInTheFlowJsonOnly() {
		assertThat(NodeType.of("llm")).contains(NodeType.LLM);
		assertThat(NodeType.of("LLM")).isEmpty();
		assertThat(NodeType.of(null)).isEmpty();
		assertThat(NodeType.OUTPUT.isTypeOf("output")).isTrue();
		assertThat(NodeType.OUTPUT.isTypeOf("input")).isFalse();
	}

}
