package dev.flowgate.deployments.domain.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;

/**
 * A flow's nodes by id and the edges whose both ends exist, so each rule can check its
 * own concern even when the flow has other problems.
 */
final class FlowGraph {

	private final FlowDefinition definition;

	private final Map<String, FlowNode> nodes = new LinkedHashMap<>();

	private final List<FlowEdge> edges = new ArrayList<>();

	private final Map<String, List<FlowEdge>> outgoing = new HashMap<>();

	private final Map<String, List<FlowEdge>> incoming = new HashMap<>();

	private final Map<String, Set<String>> ancestors = new HashMap<>();

	FlowGraph(FlowDefinition definition) {
		this.definition = definition;
		for (FlowNode node : definition.nodes()) {
			if (node.id() != null && !node.id().isBlank()) {
				this.nodes.putIfAbsent(node.id(), node);
			}
		}
		for (FlowEdge edge : definition.edges()) {
			if (this.nodes.containsKey(edge.from()) && this.nodes.containsKey(edge.to())) {
				this.edges.add(edge);
				this.outgoing.computeIfAbsent(edge.from(), (from) -> new ArrayList<>()).add(edge);
				this.incoming.computeIfAbsent(edge.to(), (to) -> new ArrayList<>()).add(edge);
			}
		}
	}

	FlowDefinition definition() {
		return this.definition;
	}

	Map<String, FlowNode> nodes() {
		return this.nodes;
	}

	/** The edges between existing nodes. */
	List<FlowEdge> edges() {
		return this.edges;
	}

	List<FlowEdge> outgoing(String nodeId) {
		return this.outgoing.getOrDefault(nodeId, List.of());
	}

	List<FlowEdge> incoming(String nodeId) {
		return this.incoming.getOrDefault(nodeId, List.of());
	}

	/** Every node with a path to {@code nodeId}; terminates on cycles too. */
	Set<String> ancestors(String nodeId) {
		return this.ancestors.computeIfAbsent(nodeId, this::findAncestors);
	}

	private Set<String> findAncestors(String nodeId) {
		Set<String> ancestors = new LinkedHashSet<>();
		Deque<String> pending = new ArrayDeque<>(List.of(nodeId));
		while (!pending.isEmpty()) {
			for (FlowEdge edge : incoming(pending.pop())) {
				if (ancestors.add(edge.from())) {
					pending.push(edge.from());
				}
			}
		}
		return ancestors;
	}

}
