package dev.flowgate.runner.domain.node.http;

import java.time.Duration;

import dev.flowgate.flowrules.NodeType;
import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.JsonataExpressions;
import dev.flowgate.runner.domain.node.NodeExecutor;
import dev.flowgate.runner.domain.node.NodeExecutors;
import dev.flowgate.runner.domain.template.Templates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandardNodesTest {

	@Test
	void runsEveryNodeTypeAFlowCanBeSavedWith() {
		// No node runs here, so none needs a working client.
		NodeExecutors executors = StandardNodes.create(new Templates(new JsonCodec(), 1024),
				new JsonataExpressions(Duration.ofSeconds(1), 10, 1024), null,
				new LlmSettings("http://127.0.0.1:1", "unused"));

		for (NodeType type : NodeType.values()) {
			assertThat(executors.forType(type.token())).as(type.token())
				.get()
				.extracting(NodeExecutor::type)
				.isEqualTo(type);
		}
		assertThat(executors.forType("webhook")).isEmpty();
	}

}
