package dev.flowgate.runner.domain.node;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.flowgate.flowrules.NodeType;

/** The executors by node type. */
public final class NodeExecutors {

	private final Map<NodeType, NodeExecutor> byType = new EnumMap<>(NodeType.class);

	public NodeExecutors(Collection<? extends NodeExecutor> executors) {
		for (NodeExecutor executor : executors) {
			if (this.byType.putIfAbsent(executor.type(), executor) != null) {
				throw new IllegalArgumentException("two executors for the node type " + executor.type().token());
			}
		}
	}

	/** The executor for a node of the flow JSON, by its {@code type}. */
	public Optional<NodeExecutor> forType(String type) {
		return NodeType.of(type).map(this.byType::get);
	}

}
