package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.flowrules.JsonSize;

/**
 * How large a flow is. Every gateway and runner holds each deployed flow in memory, and
 * each deployment's state event carries it: a flow too large is refused before its rules
 * are looked at (whose messages would repeat its ids).
 */
final class FlowSize {

	/**
	 * The nodes' settings together, as JSON. Every gateway and runner holds each deployed
	 * flow in memory.
	 */
	static final long MAX_SETTINGS_BYTES = 256 * 1024;

	/**
	 * The JSON values in the nodes' settings together: decoded, many small values take
	 * far more memory than their text (a 1 MB list of empty objects, some 30 MB). The
	 * rest of a flow holds at most four values a node or an edge, so this bounds the
	 * whole.
	 */
	static final long MAX_SETTINGS_VALUES = 20_000;

	/**
	 * The whole definition as JSON: the settings' limit and room for the largest graph of
	 * short ids. Ids, types and edges are outside the settings' limit, and the edges
	 * repeat ids: without it, 2,000 edges of long ids took megabytes.
	 */
	static final long MAX_DEFINITION_BYTES = 512 * 1024;

	/**
	 * A node id: references name it ({@code {{nodeId.path}}}), FluxPrompt clients send it
	 * as {@code inputId}, and every edge repeats it.
	 */
	static final int MAX_ID_LENGTH = 100;

	private final int maxNodes;

	private final int maxEdges;

	FlowSize(int maxNodes, int maxEdges) {
		this.maxNodes = maxNodes;
		this.maxEdges = maxEdges;
	}

	/** Every way the flow is too large; empty when it is not. */
	List<FlowProblem> problems(FlowDefinition definition) {
		List<FlowProblem> problems = new ArrayList<>();
		if (definition.nodes().size() > this.maxNodes) {
			problems.add(FlowProblem.ofField("nodes",
					"has %d nodes; at most %d are allowed".formatted(definition.nodes().size(), this.maxNodes)));
		}
		if (definition.edges().size() > this.maxEdges) {
			problems.add(FlowProblem.ofField("edges",
					"has %d edges; at most %d are allowed".formatted(definition.edges().size(), this.maxEdges)));
		}
		List<Object> settings = definition.nodes().stream().<Object>map(FlowNode::config).toList();
		long settingsBytes = JsonSize.of(settings);
		if (settingsBytes > MAX_SETTINGS_BYTES) {
			problems.add(FlowProblem.ofField("nodes", "settings take %d bytes as JSON; at most %d are allowed"
				.formatted(settingsBytes, MAX_SETTINGS_BYTES)));
		}
		long values = JsonSize.values(settings) - 1;
		if (values > MAX_SETTINGS_VALUES) {
			problems.add(FlowProblem.ofField("nodes",
					"settings hold %d JSON values; at most %d are allowed".formatted(values, MAX_SETTINGS_VALUES)));
		}
		long bytes = bytes(definition);
		if (bytes > MAX_DEFINITION_BYTES) {
			problems.add(new FlowProblem(null,
					"the flow takes %d bytes as JSON; at most %d are allowed".formatted(bytes, MAX_DEFINITION_BYTES)));
		}
		idProblems(definition, problems);
		return problems;
	}

	/** Named by position: the id itself may be as long as the flow. */
	private static void idProblems(FlowDefinition definition, List<FlowProblem> problems) {
		for (int index = 0; index < definition.nodes().size(); index++) {
			tooLong(definition.nodes().get(index).id(), "nodes[%d].id".formatted(index), problems);
		}
		for (int index = 0; index < definition.edges().size(); index++) {
			FlowEdge edge = definition.edges().get(index);
			tooLong(edge.from(), "edges[%d].from".formatted(index), problems);
			tooLong(edge.to(), "edges[%d].to".formatted(index), problems);
			tooLong(edge.branch(), "edges[%d].branch".formatted(index), problems);
		}
	}

	private static void tooLong(String id, String field, List<FlowProblem> problems) {
		if (id != null && id.length() > MAX_ID_LENGTH) {
			problems.add(FlowProblem.ofField(field,
					"has %d characters; at most %d are allowed".formatted(id.length(), MAX_ID_LENGTH)));
		}
	}

	/** The definition's size as JSON, as it is stored and published. */
	static long bytes(FlowDefinition definition) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("nodes", definition.nodes().stream().map(FlowSize::members).toList());
		json.put("edges", definition.edges().stream().map(FlowSize::members).toList());
		return JsonSize.of(json);
	}

	private static Map<String, Object> members(FlowNode node) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("id", node.id());
		members.put("type", node.type());
		members.put("config", node.config());
		return members;
	}

	private static Map<String, Object> members(FlowEdge edge) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("from", edge.from());
		members.put("to", edge.to());
		members.put("branch", edge.branch());
		return members;
	}

}
