package dev.flowgate.runner.domain.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;

/** A checked, acyclic flow with its edges indexed both ways and each node's ancestors. */
final class FlowGraph {

	private final Map<String, FlowNode> nodes = new LinkedHashMap<>();

	private final Map<String, List<FlowEdge>> incoming = new HashMap<>();

	private final Map<String, List<FlowEdge>> outgoing = new HashMap<>();

	private final Map<String, Set<String>> ancestors = new HashMap<>();

	private FlowGraph(FlowDefinition flow, Predicate<String> knownType) {
		for (FlowNode node : flow.nodes()) {
			addNode(node, knownType);
		}
		if (this.nodes.isEmpty()) {
			throw new InvalidFlowException("the flow has no nodes");
		}
		for (FlowEdge edge : flow.edges()) {
			addEdge(edge);
		}
		computeAncestors();
	}

	static FlowGraph of(FlowDefinition flow, Predicate<String> knownType) {
		return new FlowGraph(flow, knownType);
	}

	/** The nodes in definition order. */
	List<FlowNode> nodes() {
		return List.copyOf(this.nodes.values());
	}

	FlowNode node(String id) {
		return this.nodes.get(id);
	}

	/** The nodes without incoming edges, which start the run. */
	List<FlowNode> sources() {
		return this.nodes.values().stream().filter((node) -> incoming(node.id()).isEmpty()).toList();
	}

	List<FlowEdge> incoming(String id) {
		return this.incoming.getOrDefault(id, List.of());
	}

	List<FlowEdge> outgoing(String id) {
		return this.outgoing.getOrDefault(id, List.of());
	}

	/** Every node with a path to {@code id}: the outputs it may refer to. */
	Set<String> ancestors(String id) {
		return this.ancestors.get(id);
	}

	private void addNode(FlowNode node, Predicate<String> knownType) {
		if (node.id() == null || node.id().isBlank()) {
			throw new InvalidFlowException("a node has no id");
		}
		if (!knownType.test(node.type())) {
			throw new InvalidFlowException("node '%s' has the unknown type '%s'".formatted(node.id(), node.type()));
		}
		if (this.nodes.putIfAbsent(node.id(), node) != null) {
			throw new InvalidFlowException("two nodes have the id '%s'".formatted(node.id()));
		}
	}

	private void addEdge(FlowEdge edge) {
		if (!this.nodes.containsKey(edge.from()) || !this.nodes.containsKey(edge.to())) {
			throw new InvalidFlowException(
					"the edge from '%s' to '%s' joins an unknown node".formatted(edge.from(), edge.to()));
		}
		this.outgoing.computeIfAbsent(edge.from(), (id) -> new ArrayList<>()).add(edge);
		this.incoming.computeIfAbsent(edge.to(), (id) -> new ArrayList<>()).add(edge);
	}

	/** Kahn's algorithm: ancestors in topological order; nodes left over form a cycle. */
	private void computeAncestors() {
		Map<String, Integer> waitingOn = new HashMap<>();
		Deque<String> ready = new ArrayDeque<>();
		for (String id : this.nodes.keySet()) {
			waitingOn.put(id, incoming(id).size());
			this.ancestors.put(id, new HashSet<>());
			if (incoming(id).isEmpty()) {
				ready.add(id);
			}
		}
		int ordered = 0;
		while (!ready.isEmpty()) {
			String id = ready.poll();
			ordered++;
			for (FlowEdge edge : outgoing(id)) {
				Set<String> downstream = this.ancestors.get(edge.to());
				downstream.add(id);
				downstream.addAll(this.ancestors.get(id));
				if (waitingOn.merge(edge.to(), -1, Integer::sum) == 0) {
					ready.add(edge.to());
				}
			}
		}
		if (ordered < this.nodes.size()) {
			throw new InvalidFlowException("the flow has a cycle");
		}
	}

}
