package dev.flowgate.runner.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;

/** Builds flow definitions for tests. */
public final class Flows {

	private final List<FlowNode> nodes = new ArrayList<>();

	private final List<FlowEdge> edges = new ArrayList<>();

	public static Flows flow() {
		return new Flows();
	}

	public Flows node(String id, String type, Map<String, Object> config) {
		this.nodes.add(new FlowNode(id, type, config));
		return this;
	}

	public Flows input(String name) {
		return input(name, "text");
	}

	public Flows input(String name, String inputType) {
		return node(name, "input", Map.of("name", name, "inputType", inputType));
	}

	public Flows output(String name, String value) {
		return node(name, "output", Map.of("name", name, "value", value));
	}

	public Flows edge(String from, String to) {
		this.edges.add(new FlowEdge(from, to, null));
		return this;
	}

	public Flows branch(String from, String to, boolean branch) {
		this.edges.add(new FlowEdge(from, to, String.valueOf(branch)));
		return this;
	}

	public FlowDefinition build() {
		return new FlowDefinition(this.nodes, this.edges);
	}

}
