package dev.flowgate.contracts;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowNodeTest {

	@Test
	void keepsItsConfigWhenTheMapItWasMadeFromChanges() {
		Map<String, Object> config = new HashMap<>();
		config.put("template", "Hello {{input.name}}");
		config.put("testValue", null);
		FlowNode node = new FlowNode("greet", "template", config);

		config.put("template", "changed");

		assertThat(node.config()).containsEntry("template", "Hello {{input.name}}").containsEntry("testValue", null);
	}

	@Test
	void refusesChangesToItsConfig() {
		FlowNode node = new FlowNode("greet", "template", Map.of("template", "Hello"));

		assertThatThrownBy(() -> node.config().put("template", "changed"))
			.isInstanceOf(UnsupportedOperationException.class);
	}

}
