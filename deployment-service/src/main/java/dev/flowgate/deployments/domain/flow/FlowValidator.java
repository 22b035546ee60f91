package dev.flowgate.deployments.domain.flow;

import java.util.ArrayList;
import java.util.List;

import dev.flowgate.internal.DisplayNames;

/** Checks a flow before any version of it is stored, reporting every problem at once. */
public final class FlowValidator {

	private static final int MAX_NAME_LENGTH = 200;

	/** Every version keeps its description, and a flow's version list shows them all. */
	private static final int MAX_DESCRIPTION_LENGTH = 2000;

	private final List<FlowRule> rules = List.of(new NodeRules(), new EdgeRules(), new CycleRule(),
			new ConnectivityRule(), new NodeConfigRules(), new OutboundRequestRules(), new ReferenceRule());

	private final FlowSize size;

	public FlowValidator(int maxNodes, int maxEdges) {
		this.size = new FlowSize(maxNodes, maxEdges);
	}

	/** Every problem with the flow; empty when it is valid. */
	public List<FlowProblem> problems(FlowDraft draft) {
		List<FlowProblem> problems = new ArrayList<>();
		DisplayNames.problem(draft.name(), MAX_NAME_LENGTH)
			.ifPresent((problem) -> problems.add(FlowProblem.ofField("name", problem)));
		if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION_LENGTH) {
			problems.add(FlowProblem.ofField("description",
					"must be at most %d characters".formatted(MAX_DESCRIPTION_LENGTH)));
		}
		// A flow too large is not looked into further.
		if (!problems.addAll(this.size.problems(draft.definition()))) {
			FlowGraph graph = new FlowGraph(draft.definition());
			this.rules.forEach((rule) -> rule.check(graph, problems));
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
