package dev.flowgate.gateway.domain.input;

import java.util.List;
import java.util.Map;

import dev.flowgate.flowrules.InputType;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputSpecTest {

	@Test
	void readsTheInputNodesOfAFlow() {
		FlowDefinition flow = new FlowDefinition(List.of(
				new FlowNode("n1", "input", Map.of("name", "question", "inputType", "text", "required", true)),
				new FlowNode("n2", "input", Map.of("inputType", "number")), new FlowNode("n3", "input", Map.of()),
				new FlowNode("n4", "input", Map.of("inputType", "future-type")),
				new FlowNode("out", "output", Map.of("name", "answer"))), List.of());

		assertThat(InputSpec.of(flow)).containsExactly(new InputSpec("n1", "question", InputType.TEXT, true),
				new InputSpec("n2", "n2", InputType.NUMBER, false), new InputSpec("n3", "n3", InputType.TEXT, false),
				new InputSpec("n4", "n4", InputType.JSON, false));
	}

}
