package dev.flowgate.runner.domain.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.contracts.NodeStatus;
import dev.flowgate.flowrules.JsonSize;
import dev.flowgate.flowrules.NodeType;
import dev.flowgate.runner.domain.node.ConditionNode;
import dev.flowgate.runner.domain.node.OutputNode;

/**
 * The nodes of one run: which have settled, which are running, what they produced, and
 * which may start next. Not thread-safe: {@link FlowRun} guards it.
 */
final class RunState {

	private final FlowGraph graph;

	private final TraceLog trace;

	private final Map<String, NodeStatus> settled = new HashMap<>();

	private final Map<String, NodeAttempts> running = new LinkedHashMap<>();

	private final Map<String, Object> outputs = new HashMap<>();

	private final long maxOutputBytes;

	private final HeldOutputs held;

	private final String ownerId;

	private long outputBytes;

	private final BranchGates gates;

	RunState(FlowGraph graph, TraceLog trace, long maxOutputBytes, HeldOutputs held, String ownerId) {
		this.graph = graph;
		this.trace = trace;
		this.maxOutputBytes = maxOutputBytes;
		this.held = held;
		this.ownerId = ownerId;
		this.gates = new BranchGates(graph);
	}

	/** Marks nodes as started and returns them, to be launched. */
	List<FlowNode> claim(List<FlowNode> nodes, Instant now) {
		for (FlowNode node : nodes) {
			this.running.put(node.id(), new NodeAttempts());
			this.trace.started(node, now);
		}
		return nodes;
	}

	/** Counts a running node's attempts and the tokens of those that failed. */
	NodeAttempts attempts(FlowNode node) {
		return this.running.get(node.id());
	}

	/** The outputs a node may refer to: those of its ancestors that succeeded. */
	Map<String, Object> upstreamOutputs(FlowNode node) {
		Map<String, Object> upstream = new HashMap<>();
		for (String ancestor : this.graph.ancestors(node.id())) {
			if (this.settled.get(ancestor) == NodeStatus.SUCCEEDED) {
				upstream.put(ancestor, this.outputs.get(ancestor));
			}
		}
		return upstream;
	}

	void failed(FlowNode node, Instant now, Invocation invocation) {
		this.running.remove(node.id());
		this.trace.failed(node, now, invocation);
	}

	/**
	 * Counts the node's output against the run's outputs budget and the runner's
	 * ({@link HeldOutputs}): every output is kept until the run ends, so 200 templates of
	 * 2 MB each held 400 MB of one runner's heap.
	 * @return why the output is refused, or {@code null} when it fits
	 */
	String refusal(Invocation invocation) {
		long bytes = JsonSize.of(invocation.result().output());
		if (this.outputBytes + bytes > this.maxOutputBytes) {
			return "the run's node outputs take more than %d bytes as JSON".formatted(this.maxOutputBytes);
		}
		if (!this.held.take(this.ownerId, bytes)) {
			return "the runner holds as many node outputs of your executions as it may now; retry later";
		}
		this.outputBytes += bytes;
		return null;
	}

	/** The run is over: its outputs are no longer held for its nodes. */
	void releaseOutputs() {
		this.held.release(this.ownerId, this.outputBytes);
		this.outputBytes = 0;
	}

	/** Records the node's output and claims the nodes that may start now. */
	List<FlowNode> succeeded(FlowNode node, Instant now, Invocation invocation) {
		this.running.remove(node.id());
		this.trace.succeeded(node, now, invocation);
		this.settled.put(node.id(), NodeStatus.SUCCEEDED);
		this.outputs.put(node.id(), invocation.result().output());
		return claim(decideDownstreamOf(node, now), now);
	}

	boolean isIdle() {
		return this.running.isEmpty();
	}

	/**
	 * Nodes still running when the run ends count as failed, with the reason and the
	 * tokens their failed attempts used.
	 */
	void abandonRunning(Instant now, String reason) {
		this.running.forEach((id, attempts) -> this.trace.abandoned(this.graph.node(id), now, attempts.count(),
				attempts.failedUsage(), reason));
		this.running.clear();
	}

	/** The succeeded output nodes' values by output name, in flow order. */
	Map<String, Object> namedOutputs() {
		Map<String, Object> named = new LinkedHashMap<>();
		for (FlowNode node : this.graph.nodes()) {
			if (NodeType.OUTPUT.isTypeOf(node.type()) && this.settled.get(node.id()) == NodeStatus.SUCCEEDED) {
				named.put(OutputNode.nameOf(node), this.outputs.get(node.id()));
			}
		}
		return named;
	}

	/**
	 * Settles what follows {@code from}: nodes that may start are returned, skips
	 * propagate. {@link BranchGates} decides which.
	 */
	private List<FlowNode> decideDownstreamOf(FlowNode from, Instant now) {
		List<FlowNode> ready = new ArrayList<>();
		Deque<String> decided = new ArrayDeque<>(List.of(from.id()));
		while (!decided.isEmpty()) {
			for (FlowEdge edge : this.graph.outgoing(decided.pop())) {
				FlowNode target = this.graph.node(edge.to());
				if (ready.contains(target) || !isUndecided(target) || !upstreamSettled(target)) {
					continue;
				}
				if (this.gates.opens(target, this::isActive)) {
					ready.add(target);
				}
				else {
					this.settled.put(target.id(), NodeStatus.SKIPPED);
					this.trace.skipped(target, now);
					decided.push(target.id());
				}
			}
		}
		return ready;
	}

	private boolean isUndecided(FlowNode node) {
		return !this.settled.containsKey(node.id()) && !this.running.containsKey(node.id());
	}

	private boolean upstreamSettled(FlowNode node) {
		return this.graph.incoming(node.id()).stream().allMatch((edge) -> this.settled.containsKey(edge.from()));
	}

	/** Its source succeeded and, leaving a condition, the branch is the one taken. */
	private boolean isActive(FlowEdge edge) {
		if (this.settled.get(edge.from()) != NodeStatus.SUCCEEDED) {
			return false;
		}
		boolean fromCondition = NodeType.CONDITION.isTypeOf(this.graph.node(edge.from()).type());
		if (!fromCondition || edge.branch() == null) {
			return true;
		}
		Object output = this.outputs.get(edge.from());
		Object taken = (output instanceof Map<?, ?> result) ? result.get(ConditionNode.RESULT) : null;
		return edge.branch().equals(String.valueOf(taken));
	}

}
