package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.List;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.flowrules.JsonSize;

/** Checks a flow before any version of it is stored, reporting every problem at once. */
public final class FlowValidator {

	private static final int MAX_NAME_LENGTH = 200;

	/** Every version keeps its description, and a flow's version list shows them all. */
	private static final int MAX_DESCRIPTION_LENGTH = 2000;

	/**
	 * Every gateway and runner holds each deployed flow in memory: its nodes' settings
	 * together, as JSON.
	 */
	static final long MAX_SETTINGS_BYTES = 256 * 1024;

	/**
	 * The JSON values in the nodes' settings together: decoded, many small values take
	 * far more memory than their text (a 1 MB list of empty objects, some 30 MB).
	 */
	static final long MAX_SETTINGS_VALUES = 20_000;

	private final List<FlowRule> rules = List.of(new NodeRules(), new EdgeRules(), new CycleRule(),
			new ConnectivityRule(), new NodeConfigRules(), new OutboundRequestRules(), new ReferenceRule());

	private final int maxNodes;

	private final int maxEdges;

	public FlowValidator(int maxNodes, int maxEdges) {
		this.maxNodes = maxNodes;
		this.maxEdges = maxEdges;
	}

	/** Every problem with the flow; empty when it is valid. */
	public List<FlowProblem> problems(FlowDraft draft) {
		List<FlowProblem> problems = new ArrayList<>();
		if (draft.name() == null || draft.name().isBlank()) {
			problems.add(FlowProblem.ofField("name", "is required"));
		}
		else if (draft.name().length() > MAX_NAME_LENGTH) {
			problems.add(FlowProblem.ofField("name", "must be at most %d characters".formatted(MAX_NAME_LENGTH)));
		}
		if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION_LENGTH) {
			problems.add(FlowProblem.ofField("description",
					"must be at most %d characters".formatted(MAX_DESCRIPTION_LENGTH)));
		}
		if (!problems.addAll(sizeProblems(draft.definition()))) {
			FlowGraph graph = new FlowGraph(draft.definition());
			this.rules.forEach((rule) -> rule.check(graph, problems));
		}
		return problems;
	}

	/** A flow too large is not looked into further. */
	private List<FlowProblem> sizeProblems(FlowDefinition definition) {
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
		long bytes = JsonSize.of(settings);
		if (bytes > MAX_SETTINGS_BYTES) {
			problems.add(FlowProblem.ofField("nodes",
					"settings take %d bytes as JSON; at most %d are allowed".formatted(bytes, MAX_SETTINGS_BYTES)));
		}
		long values = JsonSize.values(settings) - 1;
		if (values > MAX_SETTINGS_VALUES) {
			problems.add(FlowProblem.ofField("nodes",
					"settings hold %d JSON values; at most %d are allowed".formatted(values, MAX_SETTINGS_VALUES)));
		}
		return problems;
	}

	/**
	 * @throws InvalidFlowException listing every problem, when there is any
	 */
	public void requireValid(FlowDraft draft) {
		List<FlowProblem> problems = problems(draft);
		if (!problems.isEmpty()) {
			throw new InvalidFlowException(problems);
		}
	}

}
