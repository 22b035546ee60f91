package dev.flowgate.runner.domain.node;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The executors by node type. */
public final class NodeExecutors {

	private final Map<String, NodeExecutor> byType;

	public NodeExecutors(Collection<? extends NodeExecutor> executors) {
		this.byType = executors.stream().collect(Collectors.toUnmodifiableMap(NodeExecutor::type, Function.identity()));
	}

	public Optional<NodeExecutor> forType(String type) {
		return Optional.ofNullable(this.byType.get(type));
	}

}
