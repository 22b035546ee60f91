package dev.flowgate.runner.domain.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;

/**
 * Whether a node whose incoming edges have all settled runs. An edge is dead when its
 * source was skipped or, leaving a condition, its branch was not taken; its causes are
 * the conditions behind that: the condition itself, or the causes of the skipped source.
 * A cause is covered when an active edge into the node comes from that condition or from
 * a node after it: another branch of the same condition reached the node (a join). The
 * node runs when at least one edge is active and every cause is covered, so a condition
 * gates a node even when the node has other inputs.
 */
final class BranchGates {

	private final FlowGraph graph;

	/** Why each skipped node was: the conditions it waited on in vain. */
	private final Map<String, Set<String>> skipCauses = new HashMap<>();

	BranchGates(FlowGraph graph) {
		this.graph = graph;
	}

	/**
	 * Whether {@code node} runs; when it does not, remembers why, for the nodes after it.
	 * @param active whether a settled edge is active
	 */
	boolean opens(FlowNode node, Predicate<FlowEdge> active) {
		List<FlowEdge> incoming = this.graph.incoming(node.id());
		List<FlowEdge> activeEdges = incoming.stream().filter(active).toList();
		Set<String> uncovered = new LinkedHashSet<>();
		for (FlowEdge dead : incoming.stream().filter(active.negate()).toList()) {
			causesOf(dead).stream().filter((cause) -> !isCovered(cause, activeEdges)).forEach(uncovered::add);
		}
		if (!activeEdges.isEmpty() && uncovered.isEmpty()) {
			return true;
		}
		this.skipCauses.put(node.id(), uncovered);
		return false;
	}

	/** A dead edge leaves a skipped node or a condition whose other branch was taken. */
	private Set<String> causesOf(FlowEdge dead) {
		return this.skipCauses.getOrDefault(dead.from(), Set.of(dead.from()));
	}

	private boolean isCovered(String condition, List<FlowEdge> activeEdges) {
		return activeEdges.stream()
			.anyMatch((edge) -> edge.from().equals(condition) || this.graph.ancestors(edge.from()).contains(condition));
	}

}
