package dev.flowgate.runner.domain.node;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.flowrules.NodeType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NodeExecutorsTest {

	@Test
	void refusesTwoExecutorsForOneNodeTypeInsteadOfKeepingEither() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NodeExecutors(List.of(new Named(NodeType.HTTP), new Named(NodeType.HTTP))))
			.withMessage("two executors for the node type http");
	}

	private record Named(NodeType type) implements NodeExecutor {

		@Override
		public CompletableFuture<NodeResult> execute(NodeCall call) {
			return CompletableFuture.completedFuture(NodeResult.of(null));
		}

	}

}
